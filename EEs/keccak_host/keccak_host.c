// keccak_host: post = keccak256(pre ‖ blockData) through the host `keccak256` precompile.
// The same function as keccak_chain (Keccak inside wasm), so both give the same roots on the same data.
#include "../runtime/ee.h"

EE_MAIN {
    u32 size = eth2_blockDataSize();
    u8 *buf = scratch(32 + size);
    if (!buf) __builtin_trap();
    eth2_loadPreStateRoot(buf);
    if (size) eth2_blockDataCopy(buf + 32, 0, size);
    u8 post[32];
    keccak256(buf, 32 + size, post);
    eth2_savePostStateRoot(post);
}
