// Zstandard (Debian's libzstd-dev), for the cache file's quote chunks.
#include <zstd.h>
