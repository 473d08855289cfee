// cli/commands.h — one entry point per `matn` subcommand.
//
// Each command parses its own flags from argv (argv[0] is the subcommand
// name), prints its own --help, and returns the process exit status:
//   0 all inputs succeeded, 1 some input failed, 2 usage error.
#pragma once

namespace matn::cli {

int RunTree(int argc, char** argv);
int RunExtract(int argc, char** argv);
int RunDate(int argc, char** argv);
int RunNormalize(int argc, char** argv);
int RunLang(int argc, char** argv);
int RunWarc(int argc, char** argv);

constexpr int kExitOk = 0;
constexpr int kExitInputFailed = 1;
constexpr int kExitUsage = 2;

}  // namespace matn::cli
