"""Query and update processes that cannot reach the network, whatever a query asks.

The SERVICE/LOAD check (kg.web.protocol) reads the query as the engine does, but a parser can always
differ from another; the guarantee is made one level down. `isolate()` runs in a process before it
touches the store and before it has threads:

1. a seccomp filter (always): `socket()` for any family but AF_UNIX fails with EACCES, io_uring is
   refused, and a system call from another ABI kills the process. Inherited by every child, and it
   cannot be lifted (no_new_privs).
2. a network namespace of its own (where the kernel lets us: as root, or in a user namespace), in
   which not even the loopback is up.

If the filter cannot be installed the process must not serve: `isolate()` raises and the caller stops.
Only the standard library is used (ctypes), so the holder stays small.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import platform
import struct

_ARCH = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}  # AUDIT_ARCH_*, __NR_socket
_IO_URING_SETUP = 425  # the same number on both
_AF_UNIX = 1
_EACCES = 13
_CLONE_NEWNET, _CLONE_NEWUSER = 0x40000000, 0x10000000
_PR_SET_NO_NEW_PRIVS, _PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 38, 22, 2
_LD, _JEQ, _JGE, _RET = 0x20, 0x15, 0x35, 0x06  # BPF_LD|W|ABS, BPF_JMP|JEQ|K, BPF_JMP|JGE|K, BPF_RET|K
_ALLOW, _KILL = 0x7FFF0000, 0x80000000
_DENY = 0x00050000 | _EACCES


class IsolationError(OSError):
    """The process could not be cut off from the network, so it must not run queries."""


def _filter(arch: int, socket_nr: int) -> bytes:
    """The BPF program: other ABIs killed, io_uring and non-AF_UNIX sockets refused, the rest allowed."""
    program = [
        (_LD, 0, 0, 4),  # 0: seccomp_data.arch
        (_JEQ, 1, 0, arch),  # 1: our ABI → 3
        (_RET, 0, 0, _KILL),  # 2
        (_LD, 0, 0, 0),  # 3: seccomp_data.nr
        (_JGE, 6, 0, 0x40000000),  # 4: the x32 ABI → 11
        (_JEQ, 3, 0, _IO_URING_SETUP),  # 5: → 9
        (_JEQ, 0, 3, socket_nr),  # 6: socket() → 7, else → 10
        (_LD, 0, 0, 16),  # 7: args[0], the address family (low half)
        (_JEQ, 1, 0, _AF_UNIX),  # 8: AF_UNIX → 10
        (_RET, 0, 0, _DENY),  # 9
        (_RET, 0, 0, _ALLOW),  # 10
        (_RET, 0, 0, _KILL),  # 11
    ]
    return b"".join(struct.pack("=HBBI", *row) for row in program)


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)


def _seccomp(libc: ctypes.CDLL) -> None:
    machine = platform.machine()
    if machine not in _ARCH:
        raise IsolationError(f"no network filter is known for the {machine} architecture")
    code = _filter(*_ARCH[machine])

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]

    program = Program(len(code) // 8, code)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise IsolationError(f"prctl(NO_NEW_PRIVS) failed: {os.strerror(ctypes.get_errno())}")
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0:
        raise IsolationError(f"the seccomp filter was refused: {os.strerror(ctypes.get_errno())}")


def _namespace(libc: ctypes.CDLL) -> bool:
    """A network namespace of our own, when the kernel allows one (root, or a user namespace)."""
    return any(libc.unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def isolate() -> str:
    """Cut this process (and its future children) off from the network; what was done, for the log.

    Raises:
        IsolationError: the seccomp filter could not be installed.
    """
    libc = _libc()
    namespaced = _namespace(libc)
    _seccomp(libc)
    return "seccomp filter" + (" and a network namespace" if namespaced else "")
