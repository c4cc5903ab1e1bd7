// Ticket ids: `DK-YYMMDD-TTTT-RRRRR`, e.g. `DK-261014-7G2K-M4QXZ`.
//
// - YYMMDD is the UTC date the ticket was opened; TTTT is the time of day in 2^20 steps
//   (about 82 ms) in Crockford base32; RRRRR are 25 random bits from the system CSPRNG.
// - Crockford base32 (no I, L, O, U; case-insensitive) reads well over the phone, and its
//   alphabet is in ASCII order, so ids sort by open time.
// - Collisions need two tickets in the same 82 ms slot drawing the same 25 bits. At 10,000
//   tickets a day packed into 8 hours (0.35/s), a day has about 146 same-slot pairs, each
//   colliding with odds 2^-25: one collision expected every ~630 years, with no coordination.

/// Generates and checks ticket ids.
public enum TicketId {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// A new id for a ticket opened at `at`.
    public static func make<R: RandomNumberGenerator>(at: Instant, using rng: inout R) -> String {
        let c = CivilTime(utcSeconds: at.seconds)
        let secondOfDay = UInt64(c.hour * 3600 + c.minute * 60 + c.second)
        let slot = secondOfDay * (1 << 20) / 86400
        let random = rng.next() & ((1 << 25) - 1)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "DK-" + two(c.year % 100) + two(c.month) + two(c.day) + "-" + base32(slot, digits: 4) + "-"
            + base32(random, digits: 5)
    }

    static func base32(_ value: UInt64, digits: Int) -> String {
        var out = [UInt8](repeating: 0, count: digits)
        var v = value
        for i in stride(from: digits - 1, through: 0, by: -1) {
            out[i] = alphabet[Int(v & 31)]
            v >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }
}
