// Descriptors 0–2 closed by the caller (`desk ... 2>&-`). The next file desk opened would
// get the lowest free number, so the locked ticket file would become stderr (a note written
// to it destroyed the first ticket) or stdout (`open -a` appended every ticket twice). Each
// closed one is pointed at /dev/null before anything else is opened.
#if canImport(Glibc)
import Glibc
#endif

enum StandardDescriptors {
    /// Opens /dev/null on every closed descriptor among 0, 1 and 2, in that order (open(2)
    /// returns the lowest free number, so each open fills the next gap).
    static func reopenClosed() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            // Another gap below was filled first; keep the descriptor where it belongs.
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }
}
