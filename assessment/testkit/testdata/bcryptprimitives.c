/*
 * bcryptprimitives.dll for Wine 8, a test fixture that never ships.
 *
 * The Go runtime (1.24 and later) draws its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which it loads from the system
 * folder at start; Windows 10 and later have it. Debian 12's Wine 8.0 has
 * no such DLL, so every Go program fails under it with "fatal error:
 * bcryptprimitives.dll not found" before main runs. Wine does have
 * advapi32's SystemFunction036 (RtlGenRandom), which has the same
 * contract: fill a buffer with cryptographically secure random bytes. This
 * DLL exports ProcessPrng and forwards to it, so that the tests can run the
 * real Windows programs under Wine. It is copied into the test's own Wine
 * prefix only; the release files neither contain nor need it.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
