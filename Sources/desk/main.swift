// The desk executable: hands the raw argv to DeskKit and exits with the code it returns.
import DeskKit

#if canImport(Glibc)
import Glibc
#endif

exit(Desk.main(argc: CommandLine.argc, argv: CommandLine.unsafeArgv))
