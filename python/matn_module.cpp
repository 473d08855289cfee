// The `matn` Python module: a thin face over the pipeline.
//
// Records are produced by the same code as the CLI (ProcessPage + the JSON
// writer) and decoded with Python's json module, so a dict here has exactly
// the fields and values of a `matn extract` JSONL line. Every call releases the
// GIL while matn works, so Python threads (and Dask's threaded workers) run
// pages in parallel.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>

#include "matn/calendar.h"
#include "matn/corpus.h"
#include "matn/lang.h"
#include "matn/output.h"
#include "matn/pipeline.h"
#include "matn/text.h"
#include "matn/warc.h"

namespace py = pybind11;
using namespace matn;

namespace {

PipelineOptions MakeOptions(bool comments, bool tables, bool links, bool images, const std::string& favor,
                            bool repair_zwnj, size_t max_bytes) {
  PipelineOptions o;
  o.extract.comments = comments;
  o.extract.tables = tables;
  o.extract.links = links;
  o.extract.images = images;
  if (favor == "precision") o.extract.favor = Favor::kPrecision;
  else if (favor == "recall") o.extract.favor = Favor::kRecall;
  else if (favor != "balanced") throw py::value_error("favor must be 'balanced', 'precision' or 'recall'");
  o.repair_zwnj = repair_zwnj;
  o.max_bytes = max_bytes;
  return o;
}

py::object ToDict(const Record& r) {
  std::string json;
  AppendRecord(r, OutputFormat::kJsonl, &json);
  // Leaked on purpose: destroying a Python object after interpreter shutdown crashes.
  static py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return (*loads)(py::str(json));
}

std::string BytesOf(const py::object& html) {
  if (py::isinstance<py::bytes>(html)) return std::string(html.cast<py::bytes>());
  if (py::isinstance<py::str>(html)) return html.cast<std::string>();  // UTF-8
  throw py::type_error("html must be str or bytes");
}

py::object Extract(const py::object& html, std::optional<std::string> url, bool comments, bool tables, bool links,
                   bool images, const std::string& favor, bool repair_zwnj, std::optional<std::string> charset,
                   size_t max_bytes) {
  std::string bytes = BytesOf(html);
  // A str is already text: its encoding is UTF-8, whatever a <meta> says.
  std::string cs = py::isinstance<py::str>(html) ? "utf-8" : charset.value_or("");
  PipelineOptions o = MakeOptions(comments, tables, links, images, favor, repair_zwnj, max_bytes);
  std::string u = url.value_or("");
  Record r;
  {
    py::gil_scoped_release release;
    PageInput in;
    in.bytes = bytes;
    in.source = "<python>";
    in.url = u;
    in.charset = cs;
    r = ProcessPage(in, o, nullptr);
  }
  return ToDict(r);
}

// Iterates the HTML records of a WARC file, one dict per record (error
// records included, as in the CLI).
class WarcIterator {
 public:
  WarcIterator(const std::string& path, PipelineOptions options) : path_(path), options_(std::move(options)) {
    WarcOptions wo;
    wo.html_only = true;
    if (options_.max_bytes) wo.max_record_bytes = options_.max_bytes;
    Status s;
    {
      py::gil_scoped_release release;
      s = WarcReader::Open(path, wo, &reader_);
    }
    if (!s.ok()) throw py::value_error(path + ": " + s.ToString());
  }

  py::object Next() {
    if (finished_) throw py::stop_iteration();
    Record r;
    bool have = false;
    {
      py::gil_scoped_release release;
      while (!have) {
        bool done = false;
        Status st = reader_->Next(&rec_, &done);
        std::string source = path_ + "@" + std::to_string(rec_.offset);
        if (done) {
          finished_ = true;
          if (st.ok()) break;
          r = ErrorRecord(source, "", st.ToString());  // the damaged tail of the file
          have = true;
          break;
        }
        if (!st.ok()) {
          bool maybe_page = DamagedRecordMayBePage(rec_);
          if (!maybe_page) continue;
          r = ErrorRecord(source, rec_.target_uri, st.ToString());
        } else {
          PageInput in;
          std::string_view body = rec_.body();
          in.bytes = body;
          in.source = source;
          in.url = rec_.target_uri;
          in.charset = rec_.http.charset;
          in.content_language = rec_.http.headers.Get("Content-Language");
          in.record_id = rec_.record_id;
          std::optional<DateTime> ref;
          if (!rec_.date.empty()) ref = ParseDatePhrase(rec_.date);
          in.reference = ref;
          r = ProcessPage(in, options_, nullptr);
        }
        have = true;
      }
    }
    if (!have) throw py::stop_iteration();
    return ToDict(r);
  }

 private:
  std::string path_;
  PipelineOptions options_;
  std::unique_ptr<WarcReader> reader_;
  WarcRecord rec_;
  bool finished_ = false;
};

}  // namespace

PYBIND11_MODULE(matn, m) {
  m.doc() = "matn: clean, structured article records from raw web pages (C++ engine).";
  m.attr("__version__") = "0.1.0";

  m.def("extract", &Extract, py::arg("html"), py::arg("url") = py::none(), py::kw_only(),
        py::arg("comments") = false, py::arg("tables") = true, py::arg("links") = false, py::arg("images") = false,
        py::arg("favor") = "balanced", py::arg("repair_zwnj") = false, py::arg("charset") = py::none(),
        py::arg("max_bytes") = size_t{64} << 20,
        R"(Extracts the article and metadata of one page.

html: the page as str, or as bytes in any charset (sniffed like `matn extract`;
charset= gives the HTTP charset). Returns a dict with the same fields as a
`matn extract` JSONL record: source, url, title, authors, date_published,
date_modified, sitename, description, image, tags, categories, lang,
page_type, text, and error when the page failed.)");

  py::class_<WarcIterator>(m, "WarcIterator")
      .def("__iter__", [](WarcIterator& it) -> WarcIterator& { return it; })
      .def("__next__", &WarcIterator::Next);

  m.def(
      "iter_warc",
      [](const std::string& path, bool comments, bool tables, bool links, bool images, const std::string& favor,
         bool repair_zwnj, size_t max_bytes) {
        return std::make_unique<WarcIterator>(path,
                                              MakeOptions(comments, tables, links, images, favor, repair_zwnj, max_bytes));
      },
      py::arg("path"), py::kw_only(), py::arg("comments") = false, py::arg("tables") = true,
      py::arg("links") = false, py::arg("images") = false, py::arg("favor") = "balanced",
      py::arg("repair_zwnj") = false, py::arg("max_bytes") = size_t{64} << 20,
      R"(Yields one record dict per HTML record of a WARC file (plain, .gz or .zst),
in file order, the same records `matn warc` writes; damaged records yield
dicts with "error". Non-HTML records are skipped.)");

  m.def(
      "parse_date",
      [](const std::string& text, const std::string& lang, std::optional<std::string> ref) -> py::object {
        DateParseOptions o;
        o.lang = lang;
        if (ref) {
          auto r = ParseDatePhrase(*ref);
          if (!r) throw py::value_error("ref is not a date: " + *ref);
          o.reference = r;
        }
        auto d = ParseDatePhrase(text, o);
        if (!d) return py::none();
        return py::str(d->ToIso());
      },
      py::arg("text"), py::arg("lang") = "", py::arg("ref") = py::none(),
      "The ISO 8601 date a phrase denotes (any calendar matn reads), or None.");

  m.def(
      "normalize",
      [](const std::string& text, bool repair_zwnj, const std::string& profile, const std::string& digits) {
        py::gil_scoped_release release;
        std::string out = CleanLines(text);
        if (repair_zwnj) out = RepairZwnj(out);
        NormalizeOptions no;
        no.profile = profile == "fa" ? PersianProfile::kPersian
                     : profile == "ps" ? PersianProfile::kPashto
                                       : PersianProfile::kNone;
        no.digits = digits == "latin" ? DigitStyle::kLatin : digits == "persian" ? DigitStyle::kPersian : DigitStyle::kKeep;
        if (no.profile != PersianProfile::kNone || no.digits != DigitStyle::kKeep) out = NormalizePersian(out, no);
        return out;
      },
      py::arg("text"), py::kw_only(), py::arg("repair_zwnj") = false, py::arg("profile") = "none",
      py::arg("digits") = "keep",
      "Unicode hygiene (always), ZWNJ repair and Persian normalisation (profile 'fa'|'ps'|'none').");

  m.def(
      "detect_language",
      [](const std::string& text, const std::string& declared) {
        py::gil_scoped_release release;
        return ResolveLanguage(declared, text).code;
      },
      py::arg("text"), py::arg("declared") = "",
      "BCP 47 language of a text ('' when unknown); `declared` is kept when plausible.");
}
