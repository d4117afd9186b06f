// bignum: the state root is a 256-bit big-endian number, updated with the host's bignum precompiles.
//
// Block data: a sequence of 33-byte operations, each op(1) ‖ operand(32, big-endian):
//   op 0x00: root = (root + operand) mod 2^256   (bignum_add256)
//   op 0x01: root = (root - operand) mod 2^256   (bignum_sub256)
// Empty data saves the root unchanged. Any other length or op traps (root unchanged).
#include "../runtime/ee.h"

EE_MAIN {
    u32 size = eth2_blockDataSize();
    if (size % 33) __builtin_trap();
    u8 *data = scratch(size);
    if (!data) __builtin_trap();
    if (size) eth2_blockDataCopy(data, 0, size);
    u8 root[32], operand[32], out[32];
    eth2_loadPreStateRoot(root);
    for (u32 at = 0; at < size; at += 33) {
        for (int i = 0; i < 32; i++) operand[i] = data[at + 1 + i];
        switch (data[at]) {
        case 0: bignum_add256(root, operand, out); break;
        case 1: bignum_sub256(root, operand, out); break;
        default: __builtin_trap();
        }
        for (int i = 0; i < 32; i++) root[i] = out[i];  // out never aliases an operand
    }
    eth2_savePostStateRoot(root);
}
