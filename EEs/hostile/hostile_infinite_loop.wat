;; hostile_infinite_loop: never returns. Every mode first saves a poisoned root (32 × 0xDE), which a
;; correct runtime discards when the execution fails: the post-state root stays the pre-state root.
;;
;; Block data: mode byte (empty data = mode 0)
;;   0  `loop br 0` forever: out of gas through wasm fuel
;;   1  eth2_useTicks(0xFFFFFFFF) in a loop: out of gas through host charges
;;   2  a loop calling eth2_useTicks(997): out of gas, mixing fuel and host charges, and the last charge
;;      does not fit (all-or-nothing)
;;   other  traps (unreachable)
(module
  (import "env" "eth2_blockDataSize" (func $blockDataSize (result i32)))
  (import "env" "eth2_blockDataCopy" (func $blockDataCopy (param i32 i32 i32)))
  (import "env" "eth2_savePostStateRoot" (func $savePostStateRoot (param i32)))
  (import "env" "eth2_useTicks" (func $useTicks (param i32)))
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
      (block $hostLoop
        (block $ticks
          (block $spin
            (br_table $spin $ticks $hostLoop $other (local.get $mode)))
          (loop $forever (br $forever)))
        (loop $forever (call $useTicks (i32.const -1)) (br $forever)))
      (loop $forever (call $useTicks (i32.const 997)) (br $forever)))
    unreachable))
