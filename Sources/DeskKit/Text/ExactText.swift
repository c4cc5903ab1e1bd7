// A text as a dictionary key by its UTF-8 bytes. String's own == and hash follow canonical
// equivalence, which costs Unicode normalisation per comparison (most of the time for Chinese
// text) and merges two spellings a user typed differently; the memos that remember work per
// text (check's review memo, the report's comment themes) want the bytes as typed, and fast.

import Glibc

/// A text compared and hashed by its UTF-8 bytes, not by canonical equivalence.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        // The bytes in place (UTF8View's generic comparison walked them one by one); withUTF8
        // makes bridged text contiguous and does not copy native text.
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard p.count == q.count else { return false }
                guard let pb = p.baseAddress, let qb = q.baseAddress else { return true }  // both empty
                return memcmp(pb, qb, p.count) == 0
            }
        }
    }

    func hash(into h: inout Hasher) {
        var s = text
        s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
