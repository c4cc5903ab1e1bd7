// errno as text, for messages that name the file and what the system said.
#if canImport(Glibc)
import Glibc
#endif

/// The system's description of an errno value (`No such file or directory`).
func systemMessage(_ code: Int32) -> String {
    guard let p = strerror(code) else { return "error \(code)" }
    return String(cString: p)
}

/// The description of the current errno.
func lastSystemMessage() -> String { systemMessage(errno) }
