#!/usr/bin/env python3
"""Independent Merkle Patricia trie roots for PatriciaTrieTests (written for the test; shares no code with Swift).

Implements RLP (Yellow Paper appendix B), hex-prefix (appendix C) and the trie root (appendix D) from their
definitions, with Keccak-256 from pycryptodome, and writes patricia-roots.json next to this file:

    python3 Tests/ShardTests/Fixtures/patricia/trie_roots.py

Cases: small key/value tries (the published vectors, recomputed here as a check of this script), and tries of
accounts as the Patricia token EE stores them: key keccak256(address), value RLP([nonce, balance, address, number]),
with address_i = keccak256("shardsim-kat" || le32 i)[12:], balance_i = (i * 1000003) % 10**12 + i gwei,
nonce_i = i % 7.
"""
import json
import os
from Crypto.Hash import keccak


def keccak256(data: bytes) -> bytes:
    return keccak.new(digest_bits=256, data=data).digest()


def rlp(item) -> bytes:
    if isinstance(item, (bytes, bytearray)):
        item = bytes(item)
        if len(item) == 1 and item[0] < 0x80:
            return item
        return length_prefix(len(item), 0x80) + item
    payload = b"".join(rlp(x) for x in item)
    return length_prefix(len(payload), 0xC0) + payload


def length_prefix(length: int, offset: int) -> bytes:
    if length < 56:
        return bytes([offset + length])
    encoded = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([offset + 55 + len(encoded)]) + encoded


def scalar(value: int) -> bytes:
    return b"" if value == 0 else value.to_bytes((value.bit_length() + 7) // 8, "big")


def hex_prefix(nibbles, leaf: bool) -> bytes:
    flag = 2 if leaf else 0
    if len(nibbles) % 2:
        nibbles = [flag + 1] + list(nibbles)
    else:
        nibbles = [flag, 0] + list(nibbles)
    return bytes(nibbles[i] * 16 + nibbles[i + 1] for i in range(0, len(nibbles), 2))


def to_nibbles(key: bytes):
    out = []
    for b in key:
        out += [b >> 4, b & 15]
    return out


def node_structure(items, depth):
    """The RLP structure of the node holding `items` (list of (nibbles, value)) whose keys share `depth` nibbles."""
    if len(items) == 1:
        key, value = items[0]
        return [hex_prefix(key[depth:], True), value]
    shared = depth
    while all(len(k) > shared for k, _ in items) and len({k[shared] for k, _ in items}) == 1:
        shared += 1
    if shared > depth:
        return [hex_prefix(items[0][0][depth:shared], False), reference(node_structure(items, shared))]
    branch = [b""] * 17
    for nibble in range(16):
        group = [(k, v) for k, v in items if len(k) > depth and k[depth] == nibble]
        if group:
            branch[nibble] = reference(node_structure(group, depth + 1))
    for k, v in items:
        if len(k) == depth:
            branch[16] = v
    return branch


def reference(structure):
    """A child as its parent holds it: embedded when its RLP is under 32 bytes, else its hash."""
    encoded = rlp(structure)
    return structure if len(encoded) < 32 else keccak256(encoded)


def trie_root(pairs) -> str:
    items = sorted((to_nibbles(k), v) for k, v in pairs.items() if v)
    if not items:
        return keccak256(rlp(b"")).hex()
    return keccak256(rlp(node_structure(items, 0))).hex()


def kat_account(i: int):
    address = keccak256(b"shardsim-kat" + i.to_bytes(4, "little"))[12:]
    return address, (i * 1000003) % 10**12 + i, i % 7


def account_trie(n: int, changed=()):
    pairs = {}
    for i in range(n):
        address, balance, nonce = kat_account(i)
        if i in changed:
            balance, nonce = balance + 1, nonce + 1
        pairs[keccak256(address)] = rlp([scalar(nonce), scalar(balance), address, scalar(i)])
    return trie_root(pairs)


def main():
    kv = {
        "empty": {},
        "dogs": {b"doe": b"reindeer", b"dog": b"puppy", b"dogglesworth": b"cat"},
        "puppy": {b"do": b"verb", b"horse": b"stallion", b"doge": b"coin", b"dog": b"puppy"},
        "single": {b"A": b"a" * 50},
        "foo": {b"foo": b"bar", b"food": b"bass"},
    }
    fixture = {
        "keyValue": [
            {"name": name, "entries": [[k.hex(), v.hex()] for k, v in sorted(pairs.items())], "root": trie_root(pairs)}
            for name, pairs in kv.items()
        ],
        "secureKeyValue": [
            {"name": name, "root": trie_root({keccak256(k): v for k, v in pairs.items()})}
            for name, pairs in kv.items()
        ],
        "accounts": [{"count": n, "root": account_trie(n)} for n in (1, 2, 3, 16, 17, 100, 1000)],
        "updated": {"count": 1000, "changed": [0, 5, 999], "root": account_trie(1000, changed={0, 5, 999})},
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "patricia-roots.json")
    with open(path, "w") as out:
        json.dump(fixture, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
