// Placeholder until the owning issue lands this command.
#include <cstdio>

#include "commands.h"

namespace matn::cli {

int RunTree(int, char**) {
  std::fputs("matn tree: not built yet\n", stderr);
  return kExitUsage;
}

}  // namespace matn::cli
