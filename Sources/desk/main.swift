// The desk executable: hands argv to DeskKit and exits with the code it returns.
import DeskKit

#if canImport(Glibc)
import Glibc
#endif

exit(Desk.main(Array(CommandLine.arguments.dropFirst())))
