import Testing

@testable import Report

/// Columns are found by header name; quoting and short rows are handled.
@Suite struct CSVTableTests {
    @Test("columns are read by name whatever their position")
    func byName() {
        let a = CSVTable(text: "slot,applied\n0,5\n1,7\n")
        let b = CSVTable(text: "applied,extra,slot\n5,x,0\n7,y,1\n")
        #expect(a.numbers("applied") == [5, 7])
        #expect(b.numbers("applied") == [5, 7])
        #expect(b.column("slot") == ["0", "1"])
        #expect(b.column("missing") == nil)
    }

    @Test("quoted fields keep commas and doubled quotes; short rows are padded")
    func quoting() {
        let table = CSVTable(text: "a,b,c\n\"x,y\",\"say \"\"hi\"\"\"\n")
        #expect(table.rows == [["x,y", "say \"hi\"", ""]])
    }

    @Test("the base-fee column is found by any of its names, in one place")
    func baseFeeLookup() {
        #expect(ColumnNames.baseFee(in: ["slot", "base_fee_gwei"]) == "base_fee_gwei")
        #expect(ColumnNames.baseFee(in: ["slot", "shard_base_fee_wei"]) == "shard_base_fee_wei")
        #expect(ColumnNames.baseFee(in: ["slot", "gas_used"]) == nil)
    }
}
