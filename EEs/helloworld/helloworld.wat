;; helloworld (Scout compatibility): logs a greeting, the pre-state root and the block data size, and
;; never calls eth2_savePostStateRoot, so the post-state root equals the pre-state root.
(module
  (import "env" "eth2_loadPreStateRoot" (func $loadPreStateRoot (param i32)))
  (import "env" "eth2_blockDataSize" (func $blockDataSize (result i32)))
  (import "env" "debug_printMem" (func $printMem (param i32 i32)))
  (import "env" "debug_printMemHex" (func $printMemHex (param i32 i32)))
  (import "env" "debug_print32" (func $print32 (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 64) "hello world")
  (func (export "main")
    (call $printMem (i32.const 64) (i32.const 11))
    (call $loadPreStateRoot (i32.const 0))
    (call $printMemHex (i32.const 0) (i32.const 32))
    (call $print32 (call $blockDataSize))))
