;; hostile_stack_overflow: unbounded recursion. Every mode first saves a poisoned root (32 × 0xDE) that a
;; correct runtime discards when the execution fails.
;;
;; Block data: mode byte (empty data = mode 0)
;;   0  a function that calls itself: the interpreter's call stack is exhausted
;;   1  the same with 4 i64 parameters and 32 i64 locals per frame: larger frames, fewer of them
;;   2  two functions calling each other through call_indirect
;;   3  a C-style shadow stack in linear memory: each call moves $sp down 8 KiB and writes there, until
;;      $sp wraps below 0 and the store is out of bounds (or the call stack runs out first)
;;   other  traps (unreachable)
(module
  (import "env" "eth2_blockDataSize" (func $blockDataSize (result i32)))
  (import "env" "eth2_blockDataCopy" (func $blockDataCopy (param i32 i32 i32)))
  (import "env" "eth2_savePostStateRoot" (func $savePostStateRoot (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de")
  (type $void (func))
  (table 2 funcref)
  (elem (i32.const 0) $ping $pong)
  (global $sp (mut i32) (i32.const 65536))
  (func $mode (result i32)
    (if (result i32) (i32.eqz (call $blockDataSize))
      (then (i32.const 0))
      (else
        (call $blockDataCopy (i32.const 64) (i32.const 0) (i32.const 1))
        (i32.load8_u (i32.const 64)))))
  (func $recurse
    (call $recurse))
  (func $recurseWide (param $a i64) (param $b i64) (param $c i64) (param $d i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (call $recurseWide
      (i64.add (local.get $a) (i64.const 1)) (local.get $c) (local.get $d) (local.get $b)))
  (func $ping (type $void)
    (call_indirect (type $void) (i32.const 1)))
  (func $pong (type $void)
    (call_indirect (type $void) (i32.const 0)))
  (func $shadowStack
    (global.set $sp (i32.sub (global.get $sp) (i32.const 8192)))
    (i64.store (global.get $sp) (i64.const 0x5555555555555555))
    (call $shadowStack))
  (func (export "main") (local $mode i32)
    (local.set $mode (call $mode))
    (call $savePostStateRoot (i32.const 0))
    (block $other
      (block $shadow
        (block $indirect
          (block $wide
            (block $plain
              (br_table $plain $wide $indirect $shadow $other (local.get $mode)))
            (call $recurse)
            unreachable)
          (call $recurseWide (i64.const 0) (i64.const 1) (i64.const 2) (i64.const 3))
          unreachable)
        (call_indirect (type $void) (i32.const 0))
        unreachable)
      (call $shadowStack)
      unreachable)
    unreachable))
