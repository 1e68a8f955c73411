import Testing
import TradeTestSupport

extension CommandRunner {
    /// A store made as a user would: the three shipped published files imported with `svctrade
    /// import`, then the illustrative pilot panel (`svctrade generate --import`).
    func shippedStore(_ folder: TemporaryFolder, name: String) throws -> String {
        let db = folder.file(name)
        for path in ShippedData.paths {
            let r = try run(["import", path, "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try run(["generate", "--db", db, "--import"]).status == 0)
        return db
    }
}
