// secp256k1_field: repeated field inversions in secp256k1's base field, the big-number core of ECDSA verification,
// computed in wasm: a heavy Scout case (10^8 to 10^9 gas) with roots a Python model checks independently.
//
// Field: p = 2^256 - 2^32 - 977. Inversion by Fermat, x^(p-2) mod p: 256 squarings and 249 multiplications of
// 256-bit numbers (8 limbs of 32 bits), each reduced with 2^256 = 2^32 + 977 (mod p).
//
// Block data: count (4 bytes, little-endian) ‖ x (32 bytes, big-endian, below p).
//   x is inverted `count` times in a row; post = sha256(pre ‖ result as 32 big-endian bytes).
//   Any other length, or x ≥ p: trap (the root is unchanged).
// About 774,000 gas per inversion.
#include "../runtime/ee.h"

typedef u32 fe[8];  // little-endian limbs

static const fe P = {0xFFFFFC2F, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF};
static const fe P_MINUS_2 = {
    0xFFFFFC2D, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF};

static int at_least_p(const fe a) {
    for (int i = 7; i >= 0; i--) {
        if (a[i] != P[i]) return a[i] > P[i];
    }
    return 1;
}

static void subtract_p(fe a) {
    u64 borrow = 0;
    for (int i = 0; i < 8; i++) {
        u64 v = (u64)a[i] - P[i] - borrow;
        a[i] = (u32)v;
        borrow = (v >> 32) & 1;
    }
}

// r = a * b mod p.
static void mul_mod(const fe a, const fe b, fe r) {
    u32 t[16] = {0};
    for (int i = 0; i < 8; i++) {
        u64 carry = 0;
        for (int j = 0; j < 8; j++) {
            u64 v = (u64)a[i] * b[j] + t[i + j] + carry;
            t[i + j] = (u32)v;
            carry = v >> 32;
        }
        t[i + 8] = (u32)carry;
    }
    // t = hi * 2^256 + lo = lo + hi * (2^32 + 977): s = lo + hi * 977 + (hi << 32), at most 290 bits.
    u32 s[10];
    u64 carry = 0;
    for (int i = 0; i < 8; i++) {
        u64 v = (u64)t[i] + (u64)t[8 + i] * 977 + carry;
        s[i] = (u32)v;
        carry = v >> 32;
    }
    s[8] = (u32)carry;
    s[9] = 0;
    carry = 0;
    for (int i = 0; i < 8; i++) {
        u64 v = (u64)s[i + 1] + t[8 + i] + carry;
        s[i + 1] = (u32)v;
        carry = v >> 32;
    }
    s[9] += (u32)carry;
    // Fold the bits above 256 once more: h * (2^32 + 977), h below 2^35.
    u64 h = (u64)s[8] | ((u64)s[9] << 32);
    u64 low = h * 977;
    u64 rest = (low >> 32) + h;
    u32 m[3] = {(u32)low, (u32)rest, (u32)(rest >> 32)};
    carry = 0;
    for (int i = 0; i < 8; i++) {
        u64 v = (u64)s[i] + (i < 3 ? m[i] : 0) + carry;
        r[i] = (u32)v;
        carry = v >> 32;
    }
    if (carry) {  // 2^256 = 2^32 + 977 (mod p); r is small here, so this cannot carry again
        u64 v = (u64)r[0] + 977;
        r[0] = (u32)v;
        v = (u64)r[1] + 1 + (v >> 32);
        r[1] = (u32)v;
        for (int i = 2; i < 8 && (v >> 32); i++) {
            v = (u64)r[i] + 1;
            r[i] = (u32)v;
        }
    }
    while (at_least_p(r)) subtract_p(r);
}

// r = a^(p-2) mod p, the inverse of a (0 for a = 0).
static void invert(const fe a, fe r) {
    fe result = {1, 0, 0, 0, 0, 0, 0, 0};
    for (int limb = 7; limb >= 0; limb--) {
        for (int bit = 31; bit >= 0; bit--) {
            mul_mod(result, result, result);
            if ((P_MINUS_2[limb] >> bit) & 1) mul_mod(result, a, result);
        }
    }
    for (int i = 0; i < 8; i++) r[i] = result[i];
}

EE_MAIN {
    if (eth2_blockDataSize() != 36) __builtin_trap();
    u8 data[36];
    eth2_blockDataCopy(data, 0, 36);
    u32 count = (u32)data[0] | (u32)data[1] << 8 | (u32)data[2] << 16 | (u32)data[3] << 24;
    fe x;
    for (int i = 0; i < 8; i++) {
        const u8 *word = data + 4 + 4 * (7 - i);
        x[i] = (u32)word[0] << 24 | (u32)word[1] << 16 | (u32)word[2] << 8 | (u32)word[3];
    }
    if (at_least_p(x)) __builtin_trap();
    for (u32 n = 0; n < count; n++) invert(x, x);
    u8 buffer[64];
    eth2_loadPreStateRoot(buffer);
    for (int i = 0; i < 8; i++) {
        u8 *word = buffer + 32 + 4 * (7 - i);
        word[0] = (u8)(x[i] >> 24);
        word[1] = (u8)(x[i] >> 16);
        word[2] = (u8)(x[i] >> 8);
        word[3] = (u8)x[i];
    }
    u8 post[32];
    sha256(buffer, 64, post);
    eth2_savePostStateRoot(post);
}
