// Running a few independent pieces of work on their own threads and waiting for all of them:
// the report splits a large file into byte ranges, one per core; check and classify cut
// batches of lines into runs. Plain POSIX threads, so desk needs neither Foundation nor a
// runtime for tasks; each piece writes only its own result slot, and joining the threads
// orders those writes before the caller reads them.
#if canImport(Glibc)
import Glibc
#endif

/// Fork-join over POSIX threads.
public enum ForkJoin {
    /// The work of one thread.
    final class Job: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Calls `body(i)` for every `i` in `0..<count`, each on its own thread (index 0 on the
    /// calling thread), and returns the results in index order once all have finished. When a
    /// thread cannot be started, its piece runs on the calling thread instead.
    public static func map<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = ResultSlots<T>(count)
        var threads: [pthread_t] = []
        var inline: [Int] = [0]
        for i in 1..<count {
            let job = Unmanaged.passRetained(Job { slots.store(body(i), at: i) })
            var thread = pthread_t()
            let rc = pthread_create(&thread, nil, { raw in
                guard let raw else { return nil }
                Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            }, job.toOpaque())
            if rc == 0 {
                threads.append(thread)
            } else {
                job.release()
                inline.append(i)
            }
        }
        for i in inline { slots.store(body(i), at: i) }
        for t in threads { pthread_join(t, nil) }
        return slots.take()
    }

    /// One slot per piece; each is written by exactly one thread, read after all are joined.
    final class ResultSlots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T?>
        let count: Int

        init(_ count: Int) {
            self.count = count
            base = .allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        func store(_ value: T, at i: Int) { base[i] = value }

        func take() -> [T] { (0..<count).compactMap { base[$0] } }
    }

    /// Threads for work on a large input: `DESK_THREADS` when it is a whole number from 1 to 64,
    /// else the online cores (at most 8: beyond that the merge and memory outweigh the gain).
    public static func threads(_ environment: [String: String]) -> Int {
        if let t = environment["DESK_THREADS"].flatMap({ Int($0) }), (1...64).contains(t) { return t }
        return min(8, onlineCores())
    }

    /// Cores this process may use, for splitting work (at least 1).
    public static func onlineCores() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
