// deposit: pushes one 184-byte deposit receipt from the block data and chains the root over it.
//
// Block data:
//   empty                 nothing is pushed; the root is unchanged (success)
//   deposit(184)          push it; post = sha256(pre ‖ deposit)
//   deposit(184) ‖ flag   the same, then trap when flag != 0: the runtime must discard the deposit and root
//   any other length      pushed with that length, which the host refuses (HostFunctions.md: len must be 184)
// A deposit is pubkey(48) ‖ withdrawal_credentials(32) ‖ amount(8, little-endian gwei) ‖ signature(96);
// the EE does not interpret it.
#include "../runtime/ee.h"

EE_MAIN {
    u32 size = eth2_blockDataSize();
    if (size == 0) return;
    u8 *buf = scratch(32 + size);
    if (!buf) __builtin_trap();
    eth2_loadPreStateRoot(buf);
    eth2_blockDataCopy(buf + 32, 0, size);
    u32 len = size == 185 ? 184 : size;
    eth2_pushNewDeposit(buf + 32, len);
    u8 post[32];
    sha256(buf, 32 + 184, post);
    eth2_savePostStateRoot(post);
    if (size == 185 && buf[32 + 184] != 0) __builtin_trap();
}
