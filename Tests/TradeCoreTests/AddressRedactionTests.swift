import Testing
import TradeCore

@Suite struct AddressRedactionTests {
    @Test(arguments: [
        ("postgres://press:secret@127.0.0.1:notaport/svctrade", "postgres://press:…@127.0.0.1:notaport/svctrade"),
        ("postgres://press:s3cr@t/x@db.example:5432/svctrade", "postgres://press:…@db.example:5432/svctrade"),
        ("postgresql://writer:pw@host/db?sslmode=require", "postgresql://writer:…@host/db?sslmode=require"),
        ("postgres://press@127.0.0.1:5432/svctrade", "postgres://press@127.0.0.1:5432/svctrade"),
        ("svctrade.sqlite", "svctrade.sqlite"),
    ])
    func aPasswordIsNeverShown(_ address: String, _ shown: String) {
        #expect(AddressRedaction.redacted(address) == shown)
        if address.contains("secret") || address.contains(":pw@") || address.contains("s3cr") {
            #expect(!AddressRedaction.redacted(address).contains("secret"))
            #expect(!AddressRedaction.redacted(address).contains(":pw@"))
            #expect(!AddressRedaction.redacted(address).contains("s3cr"))
        }
    }
}
