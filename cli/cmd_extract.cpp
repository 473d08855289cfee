// Placeholder until the owning issue lands this command.
#include <cstdio>

#include "commands.h"

namespace matn::cli {

int RunExtract(int, char**) {
  std::fputs("matn extract: not built yet\n", stderr);
  return kExitUsage;
}

}  // namespace matn::cli
