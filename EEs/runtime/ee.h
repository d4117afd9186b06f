// Host functions of module `env` for the C EEs, as specified in Documentation/HostFunctions.md.
// Only the functions an EE calls become imports of its module.
#ifndef EE_H
#define EE_H

typedef unsigned char u8;
typedef unsigned int u32;
typedef unsigned long long u64;

#define IMPORT(n) __attribute__((import_module("env"), import_name(n)))
// The export is named "main" (Scout's convention) but the C function must not be: wasm-ld treats a
// C `main` as the program entry and renames it.
#define EE_MAIN __attribute__((export_name("main"))) void ee_main(void)

IMPORT("eth2_loadPreStateRoot") void eth2_loadPreStateRoot(u8 *ptr);
IMPORT("eth2_blockDataSize") u32 eth2_blockDataSize(void);
IMPORT("eth2_blockDataCopy") void eth2_blockDataCopy(u8 *ptr, u32 offset, u32 len);
IMPORT("eth2_savePostStateRoot") void eth2_savePostStateRoot(const u8 *ptr);
IMPORT("eth2_pushNewDeposit") void eth2_pushNewDeposit(const u8 *ptr, u32 len);
IMPORT("debug_print32") void debug_print32(u32 value);
IMPORT("debug_printMemHex") void debug_printMemHex(const u8 *ptr, u32 len);
IMPORT("bignum_add256") void bignum_add256(const u8 *a, const u8 *b, u8 *out);
IMPORT("bignum_sub256") void bignum_sub256(const u8 *a, const u8 *b, u8 *out);
IMPORT("keccak256") void keccak256(const u8 *ptr, u32 len, u8 *out);
IMPORT("sha256") void sha256(const u8 *ptr, u32 len, u8 *out);

/// Scratch memory above the stack and data, grown on demand; NULL when the runtime refuses the growth.
extern unsigned char __heap_base;
static inline u8 *scratch(u32 bytes) {
    unsigned long base = (unsigned long)&__heap_base;
    unsigned long have = __builtin_wasm_memory_size(0) * 65536ul;
    if (base + bytes < base) return 0;
    if (base + bytes > have && __builtin_wasm_memory_grow(0, (base + bytes - have + 65535) / 65536) == (unsigned long)-1)
        return 0;
    return (u8 *)base;
}

#endif
