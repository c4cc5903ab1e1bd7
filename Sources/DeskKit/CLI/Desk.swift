// The entry point: argv in, exit code out. Routing only; commands live in Commands/.

/// The desk command-line interface.
public enum Desk {
    /// The version printed by `desk --version`.
    public static let version = "0.1.0"

    /// Runs desk with the process's real standard streams and environment.
    public static func main(_ arguments: [String]) -> Int32 {
        print("desk \(version)")
        return 0
    }
}
