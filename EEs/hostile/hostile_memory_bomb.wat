;; hostile_memory_bomb: grows linear memory without bound and touches what it gets. Every mode first
;; saves a poisoned root (32 × 0xDE) that a correct runtime discards when the execution fails.
;;
;; Block data: mode byte (empty data = mode 0)
;;   0  grow one page at a time, filling each new page, until memory.grow returns -1 (the runtime's memory
;;      limit), then trap (unreachable)
;;   1  ask for 65,535 pages (4 GiB) at once; when refused, store past the end of memory (out of bounds
;;      memory access)
;;   2  grow until refused, then fill all of memory over and over: out of gas (bulk memory costs fuel)
;;   other  traps (unreachable)
(module
  (import "env" "eth2_blockDataSize" (func $blockDataSize (result i32)))
  (import "env" "eth2_blockDataCopy" (func $blockDataCopy (param i32 i32 i32)))
  (import "env" "eth2_savePostStateRoot" (func $savePostStateRoot (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de\de")
  (func $mode (result i32)
    (if (result i32) (i32.eqz (call $blockDataSize))
      (then (i32.const 0))
      (else
        (call $blockDataCopy (i32.const 64) (i32.const 0) (i32.const 1))
        (i32.load8_u (i32.const 64)))))
  ;; Grows one page at a time, filling each new page with 0xAB, until growth is refused.
  (func $growUntilRefused (local $old i32)
    (loop $grow
      (local.set $old (memory.grow (i32.const 1)))
      (if (i32.ne (local.get $old) (i32.const -1))
        (then
          (memory.fill (i32.mul (local.get $old) (i32.const 65536)) (i32.const 0xAB) (i32.const 65536))
          (br $grow)))))
  (func (export "main") (local $mode i32)
    (local.set $mode (call $mode))
    (call $savePostStateRoot (i32.const 0))
    (block $other
      (block $keepAsking
        (block $huge
          (block $pages
            (br_table $pages $huge $keepAsking $other (local.get $mode)))
          (call $growUntilRefused)
          unreachable)
        (if (i32.ne (memory.grow (i32.const 65535)) (i32.const -1))
          (then (i32.store8 (i32.const -1) (i32.const 1))))
        (i32.store (i32.mul (memory.size) (i32.const 65536)) (i32.const 1))
        unreachable)
      (call $growUntilRefused)
      (loop $forever
        (memory.fill (i32.const 0) (i32.const 0xCD) (i32.mul (memory.size) (i32.const 65536)))
        (br $forever)))
    unreachable))
