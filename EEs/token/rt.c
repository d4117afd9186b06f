// The token EE's C runtime: a bump allocator over linear memory for Embedded Swift's allocations.
//
// One fresh wasm instance runs each execution, so memory is never reused and free does nothing. Growth
// beyond the runtime's memory limit makes memory.grow return -1; the allocator then reports ENOMEM and
// Swift traps (unreachable), which fails the execution.

typedef unsigned long size_t;
extern unsigned char __heap_base;
static size_t heap_top = 0;

int posix_memalign(void **memptr, size_t alignment, size_t size) {
    if (!heap_top) heap_top = (size_t)&__heap_base;
    if (alignment < 8) alignment = 8;
    size_t p = (heap_top + alignment - 1) & ~(alignment - 1);
    size_t end = p + size;
    if (end < p) return 12;  // wrapped around the 32-bit address space
    size_t have = __builtin_wasm_memory_size(0) * 65536;
    if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (size_t)-1) return 12;
    heap_top = end;
    *memptr = (void *)p;
    return 0;
}

void free(void *p) { (void)p; }
