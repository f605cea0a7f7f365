#define _GNU_SOURCE
#include "CRename.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

int rollingstone_rename_noreplace(const char *from, const char *to) {
#if defined(__APPLE__)
    return renamex_np(from, to, RENAME_EXCL) == 0 ? 0 : errno;
#elif defined(RENAME_NOREPLACE)
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0 ? 0 : errno;
#else
    return ENOSYS;
#endif
}
