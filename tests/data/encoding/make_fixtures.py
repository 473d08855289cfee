#!/usr/bin/env python3
"""Writes the encoding-layer fixtures: short pages in legacy encodings,
encoded with Python's codecs from text written for matn, and beside each the
UTF-8 text a correct decoder must produce (<name>.expected.txt).

None of the pages declares its encoding: tests give it as a transport
charset, or expect the detector to find it. Run from this directory."""
import codecs

PERSIAN = (
    "زبان فارسی یکی از زبان‌های هندواروپایی است که در ایران، افغانستان و تاجیکستان "
    "به آن سخن می‌گویند. این زبان تاریخی طولانی دارد و شاعران بزرگی مانند حافظ و سعدی "
    "و فردوسی به آن شعر سروده‌اند. امروز میلیون‌ها نفر در سراسر جهان با این زبان "
    "می‌نویسند و می‌خوانند و کتاب‌های تازه هر روز در تهران و کابل چاپ می‌شود."
)
SAMPLES = {
    # windows-1256 has no FARSI YEH (U+06CC): pages in it use ARABIC YEH
    # (U+064A), which is what the decoded text must then contain.
    "fa-windows-1256": ("cp1256", "زبان فارسی", PERSIAN.replace("ی", "ي")),
    "ru-windows-1251": ("cp1251", "Москва",
        "Москва — столица России и крупнейший по численности населения город страны. "
        "Город стоит на реке Москве в центре Восточно-Европейской равнины."),
    "el-iso-8859-7": ("iso8859_7", "Αθήνα",
        "Η Αθήνα είναι η πρωτεύουσα και η μεγαλύτερη πόλη της Ελλάδας. "
        "Είναι μία από τις αρχαιότερες πόλεις του κόσμου."),
    "ja-shift_jis": ("shift_jis", "東京",
        "東京は日本の首都であり、世界で最も人口の多い都市圏の一つです。"
        "多くの人々が毎日電車で通勤しています。"),
    "zh-gbk": ("gbk", "北京",
        "北京是中华人民共和国的首都，也是全国的政治和文化中心。这座城市有三千多年的历史。"),
}

for name, (codec, title, text) in SAMPLES.items():
    page = ("<!DOCTYPE html>\n<html><head><title>%s</title></head>\n"
            "<body><p>%s</p></body></html>\n" % (title.replace("ی", "ي") if codec == "cp1256" else title, text))
    with open(name + ".html", "wb") as f:
        f.write(codecs.encode(page, codec))
    with open(name + ".expected.txt", "wb") as f:
        f.write(page.encode("utf-8"))
