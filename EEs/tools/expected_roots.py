#!/usr/bin/env python3
"""Writes scenarios/scout/*.yaml: Scout test cases for the EEs in EEs/, with independently computed roots.

Every expected value here comes from a Python model of the EE, never from running the wasm:
  - SHA-256: hashlib.sha256
  - Keccak-256 (Ethereum padding): pycryptodome's Crypto.Hash.keccak (digest_bits=256)
  - secp256k1: signatures from coincurve (libsecp256k1, deterministic RFC 6979 nonces) with a fixed
    private key; every recovered key is recomputed with the pure-Python curve arithmetic below and must
    agree with coincurve, so the expected roots do not rest on one library
  - 256-bit arithmetic: Python integers mod 2**256

The values are written into the YAML files, so CI needs none of these packages. To regenerate:
    pip install pycryptodome coincurve
    python3 EEs/tools/expected_roots.py          # from the repository root, or any directory
"""

import hashlib
import os
import sys

from Crypto.Hash import keccak as _keccak
import coincurve

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT_DIR = os.path.join(ROOT, "scenarios", "scout")
WASM_REL = "../../Sources/Shard/Resources/EEs"  # relative to OUT_DIR


def keccak256(data: bytes) -> bytes:
    h = _keccak.new(digest_bits=256)
    h.update(data)
    return h.digest()


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


# Known answers: Keccak-256 is not SHA3-256 (padding 0x01 versus 0x06).
assert keccak256(b"abc").hex() == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"


def pattern(n: int, seed: int) -> bytes:
    """Deterministic filler bytes."""
    return bytes((i * 131 + seed * 17 + 7) & 0xFF for i in range(n))


# --- secp256k1 in plain Python (independent check of coincurve's recovery) -----------------------
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G = (
    0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,
    0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8,
)


def ec_add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None
    if a == b:
        lam = 3 * a[0] * a[0] * pow(2 * a[1], -1, P) % P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, P) % P
    x = (lam * lam - a[0] - b[0]) % P
    return (x, (lam * (a[0] - x) - a[1]) % P)


def ec_mul(k, pt):
    acc = None
    while k:
        if k & 1:
            acc = ec_add(acc, pt)
        pt = ec_add(pt, pt)
        k >>= 1
    return acc


def py_recover(msg_hash: bytes, sig: bytes):
    """The 64-byte key (x ‖ y) that signed msg_hash, or None where the host must return 1."""
    if len(sig) != 65 or sig[64] > 3:
        return None
    r, s, recid = int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:64], "big"), sig[64]
    if not (0 < r < N and 0 < s < N):
        return None
    x = r + (N if recid & 2 else 0)
    if x >= P:
        return None
    y2 = (pow(x, 3, P) + 7) % P
    y = pow(y2, (P + 1) // 4, P)
    if y * y % P != y2:
        return None
    if (y & 1) != (recid & 1):
        y = P - y
    e = int.from_bytes(msg_hash, "big")
    r_inv = pow(r, -1, N)
    q = ec_add(ec_mul(s * r_inv % N, (x, y)), ec_mul((-e * r_inv) % N, G))
    if q is None:
        return None
    return q[0].to_bytes(32, "big") + q[1].to_bytes(32, "big")


def recover(msg_hash: bytes, sig: bytes):
    """Recovery as the host precompile specifies it, checked against coincurve where coincurve accepts."""
    mine = py_recover(msg_hash, sig)
    if len(sig) == 65 and sig[64] <= 3:
        try:
            theirs = coincurve.PublicKey.from_signature_and_message(sig, msg_hash, hasher=None)
            theirs = theirs.format(compressed=False)[1:]
        except Exception:
            theirs = None
        assert mine == theirs, f"coincurve and the Python model disagree on {sig.hex()}"
    return mine


# --- models of the EEs: (pre, data) -> (post or None for a failed execution, deposits) ------------
def m_sha256_chain(pre, data):
    return sha256(pre + data), []


def m_keccak_chain(pre, data):
    return keccak256(pre + data), []


def m_helloworld(pre, data):
    return pre, []


START_PATTERN = bytes((29 * i + 7) & 0xFF for i in range(32))


def m_start_function(pre, data):
    return bytes(a ^ b for a, b in zip(pre, START_PATTERN)), []


def m_ecrecover(pre, data):
    if len(data) != 97:
        return None, []
    key = recover(data[:32], data[32:])
    if key is None:
        return None, []
    return keccak256(pre + key), []


def m_bignum(pre, data):
    if len(data) % 33:
        return None, []
    value = int.from_bytes(pre, "big")
    for at in range(0, len(data), 33):
        op, operand = data[at], int.from_bytes(data[at + 1 : at + 33], "big")
        if op == 0:
            value = (value + operand) % 2**256
        elif op == 1:
            value = (value - operand) % 2**256
        else:
            return None, []
    return value.to_bytes(32, "big"), []


def m_deposit(pre, data):
    if not data:
        return pre, []
    if len(data) not in (184, 185):
        return None, []  # the host refuses a deposit whose length is not 184
    if len(data) == 185 and data[184] != 0:
        return None, []  # pushed, then trapped: the deposit is discarded
    return sha256(pre + data[:184]), [data[:184]]


SECP256K1_P = 2**256 - 2**32 - 977


def m_secp256k1_field(pre, data):
    # count (4 bytes LE) ‖ x (32 bytes BE, below p); x inverted count times; post = sha256(pre ‖ x).
    if len(data) != 36:
        return None, []
    count, x = int.from_bytes(data[:4], "little"), int.from_bytes(data[4:], "big")
    if x >= SECP256K1_P:
        return None, []
    for _ in range(count):
        x = pow(x, SECP256K1_P - 2, SECP256K1_P)
    return sha256(pre + x.to_bytes(32, "big")), []


def m_hostile(pre, data):
    return None, []


MODELS = {
    "sha256_chain": m_sha256_chain,
    "keccak_chain": m_keccak_chain,
    "keccak_host": m_keccak_chain,  # the same function through the host precompile
    "helloworld": m_helloworld,
    "start_function": m_start_function,
    "ecrecover": m_ecrecover,
    "bignum": m_bignum,
    "deposit": m_deposit,
    "secp256k1_field": m_secp256k1_field,
    "hostile_infinite_loop": m_hostile,
    "hostile_memory_bomb": m_hostile,
    "hostile_wild_pointer": m_hostile,
    "hostile_stack_overflow": m_hostile,
}


# --- test data ------------------------------------------------------------------------------------
ZERO = bytes(32)
PRE_A = sha256(b"shardsim pre-state A")
PRE_B = keccak256(b"shardsim pre-state B")

PRIVATE_KEY = coincurve.PrivateKey(sha256(b"shardsim ecrecover test key"))
PUBLIC_KEY = PRIVATE_KEY.public_key.format(compressed=False)[1:]
assert PUBLIC_KEY == (lambda q: q[0].to_bytes(32, "big") + q[1].to_bytes(32, "big"))(
    ec_mul(int.from_bytes(PRIVATE_KEY.secret, "big"), G)
)


def signed(message: bytes) -> bytes:
    """Block data msgHash ‖ r ‖ s ‖ recid, signed by PRIVATE_KEY over keccak256(message)."""
    h = keccak256(message)
    sig = PRIVATE_KEY.sign_recoverable(h, hasher=None)  # RFC 6979: deterministic
    assert recover(h, sig) == PUBLIC_KEY
    return h + sig


def r_off_curve(block: bytes) -> bytes:
    """The same block with r changed (lowest bits flipped) until no curve point has x = r: recovery fails."""
    for flip in range(1, 256):
        bad = bytearray(block)
        bad[63] ^= flip  # last byte of r
        if recover(bytes(bad[:32]), bytes(bad[32:])) is None:
            return bytes(bad)
    raise AssertionError("no invalid r found")


def with_byte(block: bytes, index: int, value: int) -> bytes:
    bad = bytearray(block)
    bad[index] = value
    return bytes(bad)


def deposit(seed: int, amount_gwei: int) -> bytes:
    d = pattern(48, seed) + pattern(32, seed + 1) + amount_gwei.to_bytes(8, "little") + pattern(96, seed + 2)
    assert len(d) == 184
    return d


def u256(n: int) -> bytes:
    return (n % 2**256).to_bytes(32, "big")


# --- YAML writer ----------------------------------------------------------------------------------
class Case:
    def __init__(self, name, title, ees, pres):
        self.name, self.title, self.ees, self.pres = name, title, ees, list(pres)
        self.blocks, self.deposits = [], []
        self.roots = list(pres)

    def block(self, env, data: bytes, note: str):
        post, deposits = MODELS[self.ees[env]](self.roots[env], data)
        outcome = "fails: root unchanged" if post is None else ("root unchanged" if post == self.roots[env] else "")
        if post is not None:
            self.roots[env] = post
            self.deposits += deposits
        self.blocks.append((env, data, note + (f" ({outcome})" if outcome else "")))
        return self

    def yaml(self) -> str:
        lines = [f"# {self.title}", "# Generated by EEs/tools/expected_roots.py; expected values computed in Python, not by the EE.", ""]
        lines.append("beacon_state:")
        lines.append("  execution_scripts:")
        for i, ee in enumerate(self.ees):
            prefix = "../" * self.name.count("/")
            lines.append(f"    - {prefix}{WASM_REL}/{ee}.wasm  # EE {i}")
        lines.append("shard_pre_state:")
        lines.append("  exec_env_states:")
        lines += [f'    - "{r.hex()}"' for r in self.pres]
        lines.append("shard_blocks:")
        for env, data, note in self.blocks:
            lines.append(f"  # {note}")
            lines.append(f"  - env: {env}")
            lines.append(f'    data: "{data.hex()}"')
        lines.append("shard_post_state:")
        lines.append("  exec_env_states:")
        lines += [f'    - "{r.hex()}"' for r in self.roots]
        if "deposit" in self.ees:
            lines.append("deposit_receipts:")
            lines += [f'  - "{d.hex()}"' for d in self.deposits] or []
            if not self.deposits:
                lines[-1] += " []"
        return "\n".join(lines) + "\n"


def cases():
    out = []

    c = Case("helloworld", "helloworld: logs and never saves a root, so the post root is the pre root.",
             ["helloworld"], [PRE_A])
    c.block(0, b"", "empty data").block(0, b"hello", "5 bytes").block(0, pattern(64, 1), "64 bytes")
    out.append(c)

    c = Case("start_function", "start_function: the start function writes a pattern P; main saves pre XOR P.",
             ["start_function"], [PRE_A])
    c.block(0, b"", "empty data: PRE_A ^ P").block(0, b"\x01", "1 byte: back to PRE_A")
    c.block(0, pattern(40, 2), "40 bytes (ignored): PRE_A ^ P")
    out.append(c)

    c = Case("sha256_chain", "sha256_chain: post = sha256(pre ‖ data) through the host sha256 precompile.",
             ["sha256_chain"], [ZERO])
    c.block(0, b"", "empty data: sha256 of 32 zero bytes").block(0, b"abc", "'abc'")
    c.block(0, b"\x00", "one zero byte").block(0, pattern(200, 3), "200 bytes: several SHA-256 blocks")
    c.block(0, b"", "empty data again")
    out.append(c)

    for name, how in (("keccak_chain", "computed inside wasm (Embedded Swift Keccak)"),
                      ("keccak_host", "through the host keccak256 precompile")):
        c = Case(name, f"{name}: post = keccak256(pre ‖ data), {how}. Same vectors and roots as "
                 + ("keccak_host." if name == "keccak_chain" else "keccak_chain."), [name], [PRE_B])
        c.block(0, b"", "empty data: 32-byte input")
        c.block(0, b"abc", "'abc'")
        c.block(0, pattern(103, 4), "103 bytes: input 135 = rate - 1, padding 0x01 and 0x80 share a byte")
        c.block(0, pattern(104, 5), "104 bytes: input 136 = rate, a whole padding block follows")
        c.block(0, pattern(105, 6), "105 bytes: input 137, one byte into the second block")
        c.block(0, pattern(300, 7), "300 bytes: three blocks")
        out.append(c)

    b1, b2, b3 = signed(b"shardsim block 1"), signed(b"shardsim block 2"), signed(b"")
    other_signer = keccak256(b"a different message") + b1[32:]
    assert recover(other_signer[:32], other_signer[32:]) not in (None, PUBLIC_KEY)
    c = Case("ecrecover", "ecrecover: data = msgHash ‖ r ‖ s ‖ recid; post = keccak256(pre ‖ recovered key).",
             ["ecrecover"], [PRE_A])
    c.block(0, b1, "valid signature of keccak256('shardsim block 1')")
    c.block(0, b"", "empty data: wrong length, traps")
    c.block(0, r_off_curve(b2), "corrupted: r is no curve point's x, recovery fails and the EE traps")
    c.block(0, b2, "valid signature of keccak256('shardsim block 2')")
    c.block(0, other_signer, "block 1's signature over another hash: recovers a different key (succeeds)")
    c.block(0, b3 + b"\x00", "98 bytes: wrong length, traps")
    c.block(0, b3, "valid signature of keccak256('')")
    out.append(c)

    c = Case("ecrecover_invalid", "ecrecover with invalid signatures only: every block fails, post root = pre root.",
             ["ecrecover"], [PRE_B])
    c.block(0, r_off_curve(b1), "corrupted r (not an x coordinate on the curve)")
    c.block(0, with_byte(b1, 96, 4), "recovery id 4 (only 0-3 are valid): the host returns 1, never aborts")
    c.block(0, with_byte(b1, 96, 0xFF), "recovery id 255")
    c.block(0, b1[:32] + bytes(64) + b1[96:], "r = s = 0")
    c.block(0, b1[:32] + b"\xff" * 64 + b1[96:], "r = s = 2^256 - 1 (not below the group order)")
    c.block(0, b1[:32] + N.to_bytes(32, "big") + b1[64:], "r = n (the group order)")
    c.block(0, with_byte(b1, 96, 2), "recovery id 2 (x = r + n is past the field prime)")
    out.append(c)

    c = Case("bignum", "bignum: data = (op ‖ 32-byte operand)*, op 0 adds and op 1 subtracts mod 2^256.",
             ["bignum"], [u256(2**256 - 5)])
    c.block(0, b"\x00" + u256(10), "2^256-5 + 10 wraps around to 5")
    c.block(0, b"\x01" + u256(7), "5 - 7 wraps around to 2^256-2")
    c.block(0, b"", "empty data: no operation")
    c.block(0, b"\x00" + u256(2) + b"\x00" + u256(0x1234) + b"\x01" + u256(0x34), "three ops: +2 (wraps to 0), +0x1234, -0x34")
    c.block(0, b"\x02" + u256(1), "unknown op 2: traps")
    c.block(0, b"\x00" + u256(1)[:31], "32 bytes: not a whole op, traps")
    c.block(0, b"\x00" + u256(2**255) + b"\x00" + u256(2**255 + 1), "2^255 + 2^255+1 = 2^256+1: carry out of the top byte")
    out.append(c)

    d1, d2, d3 = deposit(1, 32 * 10**9), deposit(2, 1 * 10**9), deposit(3, 2**64 - 1)
    c = Case("deposit", "deposit: pushes the 184-byte deposit in the data; post = sha256(pre ‖ deposit).",
             ["deposit"], [ZERO])
    c.block(0, b"", "empty data: nothing pushed")
    c.block(0, d1, "deposit 1 (32 ETH)")
    c.block(0, d2 + b"\x01", "deposit 2 then a trap: deposit and root discarded")
    c.block(0, d3 + b"\x00", "deposit 3 with flag 0: kept")
    c.block(0, d2[:100], "100 bytes: the host refuses the length")
    out.append(c)

    c = Case("hostile_infinite_loop", "hostile_infinite_loop: never returns; every block runs out of gas.",
             ["hostile_infinite_loop"], [PRE_A])
    c.block(0, b"", "mode 0: loop br 0, out of gas through wasm fuel")
    c.block(0, b"\x01", "mode 1: eth2_useTicks(0xFFFFFFFF) in a loop, out of gas through host charges")
    c.block(0, b"\x02", "mode 2: eth2_useTicks(997) in a loop, out of gas with fuel and host charges mixed")
    out.append(c)

    c = Case("hostile_memory_bomb", "hostile_memory_bomb: grows memory without bound; every block fails.",
             ["hostile_memory_bomb"], [PRE_A])
    c.block(0, b"", "mode 0: grow page by page, filling each, until refused, then unreachable")
    c.block(0, b"\x01", "mode 1: ask for 4 GiB at once, then store past the end of memory")
    c.block(0, b"\x02", "mode 2: grow until refused, then fill all of memory over and over: out of gas")
    out.append(c)

    c = Case("hostile_wild_pointer", "hostile_wild_pointer: out-of-range pointers to the host and to loads.",
             ["hostile_wild_pointer"], [PRE_A])
    c.block(0, b"", "mode 0: eth2_savePostStateRoot(0xFFFFFFF0)")
    c.block(0, b"\x01", "mode 1: eth2_blockDataCopy to 0xFFFFFFF0")
    c.block(0, b"\x02", "mode 2: i32.load at 0xFFFFFFF0")
    c.block(0, b"\x03", "mode 3: eth2_blockDataCopy of one byte more than the data")
    c.block(0, b"\x04", "mode 4: eth2_loadPreStateRoot straddling the end of memory")
    c.block(0, b"\x05", "mode 5: keccak256 of 512 bytes at 0xFFFFFF00, the range wraps 32 bits")
    c.block(0, b"\x06", "mode 6: debug_printMemHex one byte past the end of memory")
    out.append(c)

    c = Case("hostile_stack_overflow", "hostile_stack_overflow: unbounded recursion; every block fails.",
             ["hostile_stack_overflow"], [PRE_A])
    c.block(0, b"", "mode 0: a function calling itself")
    c.block(0, b"\x01", "mode 1: recursion with wide frames (4 params, 32 locals)")
    c.block(0, b"\x02", "mode 2: mutual recursion through call_indirect")
    c.block(0, b"\x03", "mode 3: a shadow stack in linear memory that wraps below 0")
    out.append(c)

    field = ["secp256k1_field"]
    x = int.from_bytes(sha256(b"shardsim field element"), "big") % SECP256K1_P
    c = Case("secp256k1_field", "secp256k1_field: x inverted count times in secp256k1's base field; "
             "post = sha256(pre ‖ x). A few inversions: quick even in a debug build.", field, [PRE_A])
    c.block(0, (1).to_bytes(4, "little") + u256(x), "one inversion (about 774,000 gas)")
    c.block(0, (2).to_bytes(4, "little") + u256(x), "two inversions: x back again")
    c.block(0, (0).to_bytes(4, "little") + u256(SECP256K1_P - 1), "no inversion: p - 1 as it is")
    c.block(0, (1).to_bytes(4, "little") + u256(SECP256K1_P), "x = p is not a field element: trap")
    c.block(0, (1).to_bytes(4, "little"), "4 bytes: trap")
    out.append(c)

    c = Case("heavy/secp256k1_field_heavy", "secp256k1_field, heavy: thousands of field inversions per block, "
             "10^8 to 2x10^9 gas, as Scout's heaviest public cases need. Run it with a release build: "
             "`shardsim scout scenarios/scout/heavy/*.yaml`.", field, [PRE_A])
    c.block(0, (150).to_bytes(4, "little") + u256(x), "150 inversions: about 1.2 x 10^8 gas")
    c.block(0, (800).to_bytes(4, "little") + u256(x), "800 inversions: about 6.2 x 10^8 gas")
    c.block(0, (2500).to_bytes(4, "little") + u256(x), "2500 inversions: about 1.9 x 10^9 gas")
    out.append(c)

    ees = ["sha256_chain", "keccak_chain", "keccak_host", "bignum", "hostile_wild_pointer", "helloworld",
           "start_function", "sha256_chain"]
    c = Case("multi_ee", "Several EEs on one shard, blocks interleaved; EE 1 and EE 2 must agree (same data), "
             "EE 7 is sha256_chain again with its own state.", ees,
             [ZERO, PRE_B, PRE_B, u256(1), PRE_A, PRE_A, ZERO, PRE_A])
    c.block(0, b"abc", "EE 0 sha256_chain")
    c.block(1, b"abc", "EE 1 keccak_chain")
    c.block(4, b"\x02", "EE 4 hostile_wild_pointer: wild load")
    c.block(2, b"abc", "EE 2 keccak_host: same root as EE 1")
    c.block(7, b"abc", "EE 7 sha256_chain from another pre-state")
    c.block(3, b"\x01" + u256(2), "EE 3 bignum: 1 - 2 wraps to 2^256-1")
    c.block(6, b"", "EE 6 start_function: ZERO ^ P = P")
    c.block(1, pattern(150, 8), "EE 1 keccak_chain, 150 bytes")
    c.block(5, b"hi", "EE 5 helloworld")
    c.block(2, pattern(150, 8), "EE 2 keccak_host, 150 bytes: same root as EE 1")
    c.block(0, b"", "EE 0 sha256_chain, empty data")
    c.block(4, b"", "EE 4 hostile_wild_pointer: wild save")
    c.block(3, b"\x00" + u256(5), "EE 3 bignum: 2^256-1 + 5 wraps to 4")
    out.append(c)
    assert c.roots[1] == c.roots[2]
    return out


def main():
    for c in cases():
        path = os.path.join(OUT_DIR, c.name + ".yaml")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(c.yaml())
        print(f"wrote {os.path.relpath(path, ROOT)}: {len(c.blocks)} blocks")


if __name__ == "__main__":
    sys.exit(main())
