// The inverted index behind `kb search` and `similar`: for every term, the documents (articles
// and resolved tickets) holding it with a field-weighted term frequency, and for every document
// where its line lies in its source file. Scoring is BM25 over the weighted frequencies (the
// BM25F simplification: fields add up before saturation). Arrays are flat, so the index is
// written to disk and read back as plain copies (SearchIndexFile) without per-term allocation.

#if canImport(Glibc)
import Glibc
#endif

/// What a document is.
enum DocKind: UInt8, Sendable {
    case article = 0
    case ticket = 1
}

/// A built index.
struct SearchIndex: Sendable {
    /// The files the index was built from, in order (articles first).
    var sources: [SourceStamp] = []
    /// Per document: kind, article status (0 draft, 1 published, 2 retired; tickets 1), source
    /// index, byte range of its line, weighted length.
    var docKind: [UInt8] = []
    var docStatus: [UInt8] = []
    var docSource: [UInt16] = []
    var docStart: [UInt64] = []
    var docEnd: [UInt64] = []
    var docLength: [Float] = []
    /// Document ids, concatenated; `idStart` has one more entry than there are documents.
    var idBlob: [UInt8] = []
    var idStart: [UInt32] = [0]
    /// Term hashes, sorted; postings of term t are `postStart[t]..<postStart[t+1]`.
    var termHash: [UInt64] = []
    var postStart: [UInt32] = [0]
    var postDoc: [UInt32] = []
    var postFreq: [Float] = []
    /// Average weighted length of articles and of tickets.
    var averageLength: [Float] = [1, 1]

    var count: Int { docKind.count }

    func id(_ doc: Int) -> String {
        String(decoding: idBlob[Int(idStart[doc])..<Int(idStart[doc + 1])], as: UTF8.self)
    }

    static func statusCode(_ s: ArticleStatus) -> UInt8 {
        switch s {
        case .draft: return 0
        case .published: return 1
        case .retired: return 2
        }
    }

    /// FNV-1a of a term's key.
    @inline(__always) static func hash(_ key: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }

    /// Builds the index of the articles in `articleFiles` and the resolved tickets in
    /// `ticketFiles`. A line that is not a valid article or ticket is a data error.
    static func build(articleFiles: [SourceFile], ticketFiles: [SourceFile]) throws(DeskError) -> SearchIndex {
        var index = SearchIndex()
        var postings: [UInt64: [(UInt32, Float)]] = [:]
        var lengthSum: [Float] = [0, 0]
        var kindCount: [Float] = [0, 0]
        func add(kind: DocKind, status: UInt8, source: Int, range: Range<Int>, id: String, fields: [(text: String, weight: Float)]) {
            let doc = UInt32(index.docKind.count)
            var tf: [UInt64: Float] = [:]
            var length: Float = 0
            for field in fields where !field.text.isEmpty {
                for term in Tokenizer.terms(field.text) {
                    let w = term.key.hasPrefix("@") ? field.weight * SearchWeights.concept : field.weight
                    tf[hash(term.key), default: 0] += w
                    length += w
                }
            }
            for (h, f) in tf { postings[h, default: []].append((doc, f)) }
            index.docKind.append(kind.rawValue)
            index.docStatus.append(status)
            index.docSource.append(UInt16(source))
            index.docStart.append(UInt64(range.lowerBound))
            index.docEnd.append(UInt64(range.upperBound))
            index.docLength.append(length)
            index.idBlob.append(contentsOf: id.utf8)
            index.idStart.append(UInt32(index.idBlob.count))
            lengthSum[Int(kind.rawValue)] += length
            kindCount[Int(kind.rawValue)] += 1
        }
        let all = articleFiles + ticketFiles
        guard all.count < Int(UInt16.max) else { throw .usage(UsageError(command: "kb", message: "too many input files")) }
        for (s, file) in all.enumerated() {
            index.sources.append(file.stamp)
            let isArticles = s < articleFiles.count
            try file.forEachLine { (number, range) throws(DeskError) in
                let outcome: Result<Void, DeskError> = file.bytes.withUnsafeBytes { raw in
                    let line = UnsafeRawBufferPointer(rebasing: raw[range])
                    do throws(DeskError) {
                        if isArticles {
                            let a: Article
                            do throws(TicketError) { a = try Article(line: line) } catch { throw error.at(file: file.name, line: number) }
                            add(kind: .article, status: statusCode(a.status), source: s, range: range, id: a.id, fields: a.searchFields)
                        } else {
                            let t = try TicketStream.decode(line, file: file.name, line: number)
                            if TicketText.isResolved(t) {
                                add(kind: .ticket, status: 1, source: s, range: range, id: t.id, fields: TicketText.fields(t))
                            }
                        }
                        return .success(())
                    } catch {
                        return .failure(error)
                    }
                }
                try outcome.get()
            }
        }
        for k in 0..<2 where kindCount[k] > 0 { index.averageLength[k] = max(1, lengthSum[k] / kindCount[k]) }
        for h in postings.keys.sorted() {
            guard let list = postings[h] else { continue }
            index.termHash.append(h)
            for (d, f) in list {
                index.postDoc.append(d)
                index.postFreq.append(f)
            }
            index.postStart.append(UInt32(index.postDoc.count))
        }
        return index
    }

    /// The position of a term hash in `termHash`, by binary search.
    func find(_ h: UInt64) -> Int? {
        var lo = 0
        var hi = termHash.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if termHash[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        return lo < termHash.count && termHash[lo] == h ? lo : nil
    }

    /// One ranked document.
    struct Scored: Sendable {
        var doc: Int
        var score: Float
        /// Bit i set when query term i matched.
        var matched: UInt64
    }

    /// Ranks the documents `accept` lets through against the query terms (each distinct key
    /// counts once); the best `limit`, best first, ties broken by document order.
    func rank(_ query: [Term], limit: Int, accept: (Int) -> Bool) -> (keys: [Term], hits: [Scored]) {
        var keys: [Term] = []
        var seen = Set<String>()
        for t in query where seen.insert(t.key).inserted { keys.append(t) }
        var score = [Float](repeating: 0, count: count)
        var matched = [UInt64](repeating: 0, count: count)
        let n = Float(max(1, count))
        for (q, term) in keys.enumerated() {
            guard let t = find(SearchIndex.hash(term.key)) else { continue }
            let lo = Int(postStart[t])
            let hi = Int(postStart[t + 1])
            let df = Float(hi - lo)
            let idf = logf(1 + (n - df + 0.5) / (df + 0.5))
            let bit: UInt64 = 1 << UInt64(min(q, 63))
            for p in lo..<hi {
                let d = Int(postDoc[p])
                let f = postFreq[p]
                let norm = SearchWeights.k1 * (1 - SearchWeights.b + SearchWeights.b * docLength[d] / averageLength[Int(docKind[d])])
                score[d] += idf * f * (SearchWeights.k1 + 1) / (f + norm)
                matched[d] |= bit
            }
        }
        var best: [Scored] = []
        for d in 0..<count where score[d] > 0 && accept(d) {
            if best.count == limit, let last = best.last, score[d] <= last.score { continue }
            let s = Scored(doc: d, score: score[d], matched: matched[d])
            let at = best.firstIndex(where: { $0.score < s.score }) ?? best.count
            best.insert(s, at: at)
            if best.count > limit { best.removeLast() }
        }
        return (keys, best)
    }
}
