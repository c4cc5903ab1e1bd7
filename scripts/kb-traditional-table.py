#!/usr/bin/env python3
# Regenerates Sources/DeskKit/Knowledge/TraditionalTable.swift from hanziconv's character map
# (pip install hanziconv==0.3.2): traditional characters whose simplified form is a GB 2312
# level-1 character (the 3,755 most common), one to one.
import hanziconv.charmap as c

pairs = {}
for sc, tc in zip(c.simplified_charmap, c.traditional_charmap):
    if sc == tc:
        continue
    try:
        b = sc.encode('gb2312')
    except UnicodeEncodeError:
        continue
    if 0xB0 <= b[0] <= 0xD7 and tc not in pairs:
        pairs[tc] = sc
trad, simp = ''.join(pairs), ''.join(pairs.values())
rows = lambda s: '\n'.join('        "%s",' % s[i:i + 40] for i in range(0, len(s), 40))
print('''// Traditional to simplified Chinese, one character to one character, for the characters whose
// simplified form is among the 3,755 most common (GB 2312 level 1). Generated once from
// hanziconv 0.3.2's character map (Apache-2.0) by scripts/kb-traditional-table.py; data only.
// Vocabulary that differs between regions (网路/网络, 印表机/打印机) is the glossary's job.

enum TraditionalTable {
    /// Traditional characters; the character at the same position in `simplified` replaces each.
    static let traditional: [String] = [
%s
    ]
    /// Their simplified forms, position for position.
    static let simplified: [String] = [
%s
    ]
}''' % (rows(trad), rows(simp)))
