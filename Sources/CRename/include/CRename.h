#ifndef CRENAME_H
#define CRENAME_H

/// Renames `from` to `to` unless `to` exists, in one step (Linux
/// `renameat2(RENAME_NOREPLACE)`, macOS `renamex_np(RENAME_EXCL)`), which the
/// Swift overlay of the C library does not offer. Returns 0, or the errno:
/// `EEXIST` when `to` exists, `EINVAL` or `ENOSYS` where the file system or
/// the kernel cannot do it.
int rollingstone_rename_noreplace(const char *from, const char *to);

#endif
