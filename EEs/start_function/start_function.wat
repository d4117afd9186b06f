;; start_function (Scout compatibility): a module with a wasm start function.
;;
;; The start function runs at instantiation: it writes the 32-byte pattern p[i] = (29·i + 7) mod 256 at
;; address 0 and sets $ready. main traps unless $ready is set, then saves post = pre XOR pattern, so the
;; root shows both that the start function ran and that main saw its memory.
(module
  (import "env" "eth2_loadPreStateRoot" (func $loadPreStateRoot (param i32)))
  (import "env" "eth2_savePostStateRoot" (func $savePostStateRoot (param i32)))
  (memory (export "memory") 1)
  (global $ready (mut i32) (i32.const 0))
  (func $init (local $i i32)
    (loop $fill
      (i32.store8 (local.get $i)
        (i32.add (i32.mul (local.get $i) (i32.const 29)) (i32.const 7)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $fill (i32.lt_u (local.get $i) (i32.const 32))))
    (global.set $ready (i32.const 1)))
  (start $init)
  (func (export "main") (local $i i32)
    (if (i32.eqz (global.get $ready)) (then unreachable))
    (call $loadPreStateRoot (i32.const 32))
    ;; post (at 64) = pattern (at 0) XOR pre (at 32), 8 bytes at a time
    (loop $xor
      (i64.store (i32.add (local.get $i) (i32.const 64))
        (i64.xor (i64.load (local.get $i)) (i64.load (i32.add (local.get $i) (i32.const 32)))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $xor (i32.lt_u (local.get $i) (i32.const 32))))
    (call $savePostStateRoot (i32.const 64))))
