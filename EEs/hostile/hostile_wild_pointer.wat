;; hostile_wild_pointer: hands the host, or its own loads, addresses outside linear memory. Every mode
;; first saves a poisoned root (32 × 0xDE) that a correct runtime discards when the execution fails.
;; The host must check every pointer and length itself and trap; it must never crash the process.
;;
;; Block data: mode byte (empty data = mode 0), optionally followed by more bytes
;;   0  eth2_savePostStateRoot(0xFFFFFFF0): the 32-byte range wraps past 2^32
;;   1  eth2_blockDataCopy(0xFFFFFFF0, 0, size): destination outside memory
;;   2  i32.load at 0xFFFFFFF0: out of bounds memory access in wasm itself
;;   3  eth2_blockDataCopy(1024, 0, size + 1): source range outside the block data
;;   4  eth2_loadPreStateRoot(memory end − 16): the range straddles the end of memory
;;   5  keccak256(0xFFFFFF00, 512, 64): the input range ends past 2^32 (cheap in gas, so the bounds check,
;;      not the gas charge, stops it)
;;   6  debug_printMemHex(65536 · pages, 1): one byte just past the end of memory
;;   other  traps (unreachable)
(module
  (import "env" "eth2_blockDataSize" (func $blockDataSize (result i32)))
  (import "env" "eth2_blockDataCopy" (func $blockDataCopy (param i32 i32 i32)))
  (import "env" "eth2_loadPreStateRoot" (func $loadPreStateRoot (param i32)))
  (import "env" "eth2_savePostStateRoot" (func $savePostStateRoot (param i32)))
  (import "env" "keccak256" (func $keccak256 (param i32 i32 i32)))
  (import "env" "debug_printMemHex" (func $printMemHex (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de")
  (func $mode (result i32)
    (if (result i32) (i32.eqz (call $blockDataSize))
      (then (i32.const 0))
      (else
        (call $blockDataCopy (i32.const 64) (i32.const 0) (i32.const 1))
        (i32.load8_u (i32.const 64)))))
  (func (export "main") (local $mode i32)
    (local.set $mode (call $mode))
    (call $savePostStateRoot (i32.const 0))
    (block $other
      (block $printPastEnd
        (block $hashWraps
          (block $straddle
            (block $dataRange
              (block $load
                (block $copyDest
                  (block $saveWraps
                    (br_table $saveWraps $copyDest $load $dataRange $straddle $hashWraps $printPastEnd $other
                      (local.get $mode)))
                  (call $savePostStateRoot (i32.const 0xFFFFFFF0))
                  unreachable)
                (call $blockDataCopy (i32.const 0xFFFFFFF0) (i32.const 0) (call $blockDataSize))
                unreachable)
              (drop (i32.load (i32.const 0xFFFFFFF0)))
              unreachable)
            (call $blockDataCopy (i32.const 1024) (i32.const 0) (i32.add (call $blockDataSize) (i32.const 1)))
            unreachable)
          (call $loadPreStateRoot (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 16)))
          unreachable)
        (call $keccak256 (i32.const 0xFFFFFF00) (i32.const 512) (i32.const 64))
        unreachable)
      (call $printMemHex (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))
      unreachable)
    unreachable))
