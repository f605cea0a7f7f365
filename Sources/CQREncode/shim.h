// C side of the libqrencode binding.
//
// libqrencode has no mutable globals for Swift to trip over, so unlike
// CReadline there are no helpers here: Swift calls QRcode_encodeString and
// QRcode_free directly. The module map has no pkg-config entry on purpose:
// the header is in /usr/include and `link "qrencode"` is all the linker needs.
#ifndef ROLLINGSTONE_CQRENCODE_SHIM_H
#define ROLLINGSTONE_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
