// Loops that read every byte of the scanned text (newline counts, the charset census) are
// compiled three times on x86-64: for the SSE2 baseline every build targets, for AVX2, twice the
// bytes per instruction, and for x86-64-v4 (AVX-512), twice again where the loop has the lanes. The
// dynamic loader picks one by CPU when the library loads (GCC's target_clones, an ifunc), so one
// binary serves every machine. Elsewhere: the plain build.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && defined(__linux__)
#define TAMIS_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define TAMIS_VECTOR_CLONES
#endif
