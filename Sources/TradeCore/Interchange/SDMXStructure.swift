/// svctrade's SDMX structures as data: the codelists, the concept scheme, the data structure
/// definitions (DSDs) and the dataflows of ``SDMXCodes``, built from the codelists svctrade itself
/// reads with (``Sectors``, ``Regions``, ``Currency`` …), so that the structure message and the
/// importer can never disagree. `TradeReport`'s `SDMXStructureWriter` writes it as an SDMX-ML 2.1
/// structure message (`svctrade export --format sdmx-structure`, `datasets/sdmx/svctrade-structure.xml`).
///
/// ```swift
/// let s = SDMXStructure.standard
/// s.codelist("CL_FREQ")?.codes.map(\.id)                  // ["M", "Q", "S", "A"]
/// s.dataStructures[0].dimensions.map(\.id).last            // "ACCUMULATION"
/// ```
public struct SDMXStructure: Sendable {
    /// A name or description in English and Chinese (`xml:lang="en"` and `"zh"`).
    public struct Text: Sendable, Equatable {
        /// English.
        public var en: String
        /// Chinese; `nil` when there is none.
        public var zh: String?

        /// A text in both languages.
        public init(_ en: String, _ zh: String?) {
            self.en = en
            self.zh = zh
        }
    }

    /// One code of a codelist.
    public struct Code: Sendable, Equatable {
        /// The code as written in data (`SD`, `beijing`).
        public var id: String
        /// Its name.
        public var name: Text
        /// A longer description, when there is one.
        public var description: Text?
        /// The parent code in the same codelist (EBOPS hierarchy), or `nil`.
        public var parent: String?

        /// A code.
        public init(_ id: String, _ name: Text, description: Text? = nil, parent: String? = nil) {
            self.id = id
            self.name = name
            self.description = description
            self.parent = parent
        }
    }

    /// A codelist (`CL_FREQ`).
    public struct Codelist: Sendable, Equatable {
        /// Its ID.
        public var id: String
        /// Its name.
        public var name: Text
        /// Its codes, in order.
        public var codes: [Code]

        /// A codelist.
        public init(id: String, name: Text, codes: [Code]) {
            self.id = id
            self.name = name
            self.codes = codes
        }
    }

    /// A concept of the concept scheme (`FREQ`).
    public struct Concept: Sendable, Equatable {
        /// Its ID, also the component ID that uses it.
        public var id: String
        /// Its name.
        public var name: Text
        /// What it means in svctrade's data.
        public var description: Text?

        /// A concept.
        public init(_ id: String, _ name: Text, description: Text? = nil) {
            self.id = id
            self.name = name
            self.description = description
        }
    }

    /// How a component's values are written: a code of a codelist, or text of an SDMX type.
    public enum Representation: Sendable, Equatable {
        /// A code of the codelist with this ID.
        case codelist(String)
        /// A value of this SDMX-ML 2.1 text type (`String`, `Integer`, `Decimal`, `ObservationalTimePeriod`).
        case text(String)
    }

    /// A dimension, the time dimension, the measure or an attribute of a DSD.
    public struct Component: Sendable, Equatable {
        /// Which part of the DSD.
        public enum Role: Sendable, Equatable {
            /// A dimension of the series key.
            case dimension
            /// The time dimension (`TIME_PERIOD`).
            case time
            /// The primary measure (`OBS_VALUE`).
            case measure
            /// An attribute of each observation (`required`: never left empty).
            case observationAttribute(required: Bool)
            /// An attribute that has one value per series key (`UNIT_MULT`).
            case seriesAttribute(required: Bool)
        }

        /// The component (and concept) ID.
        public var id: String
        /// Its role.
        public var role: Role
        /// How its values are written.
        public var representation: Representation

        /// A component.
        public init(_ id: String, _ role: Role, _ representation: Representation) {
            self.id = id
            self.role = role
            self.representation = representation
        }
    }

    /// A data structure definition.
    public struct DataStructure: Sendable, Equatable {
        /// Its ID (`DSD_SVC_TRADE`).
        public var id: String
        /// Its name.
        public var name: Text
        /// Every component, dimensions first in key order, then the time dimension, the measure and
        /// the attributes.
        public var components: [Component]

        /// A DSD.
        public init(id: String, name: Text, components: [Component]) {
            self.id = id
            self.name = name
            self.components = components
        }

        /// The dimensions in key order (without the time dimension).
        public var dimensions: [Component] { components.filter { $0.role == .dimension } }

        /// The attributes.
        public var attributes: [Component] {
            components.filter {
                switch $0.role {
                case .observationAttribute, .seriesAttribute: true
                case .dimension, .time, .measure: false
                }
            }
        }
    }

    /// A dataflow and the DSD it uses.
    public struct Dataflow: Sendable, Equatable {
        /// Its ID (`DF_SVC_TRADE`).
        public var id: String
        /// Its name.
        public var name: Text
        /// What it holds.
        public var description: Text
        /// The ID of its DSD.
        public var structure: String

        /// A dataflow.
        public init(id: String, name: Text, description: Text, structure: String) {
            self.id = id
            self.name = name
            self.description = description
            self.structure = structure
        }
    }

    /// The maintenance agency (`SVCTRADE`).
    public var agency: String
    /// The version of every artefact (`1.0`).
    public var version: String
    /// The concept scheme's ID and name.
    public var conceptScheme: (id: String, name: Text)
    /// The concepts.
    public var concepts: [Concept]
    /// The codelists.
    public var codelists: [Codelist]
    /// The DSDs.
    public var dataStructures: [DataStructure]
    /// The dataflows.
    public var dataflows: [Dataflow]

    /// A set of structures (a part of ``standard``, for a query that asks for one artefact).
    public init(
        agency: String, version: String, conceptScheme: (id: String, name: Text), concepts: [Concept],
        codelists: [Codelist], dataStructures: [DataStructure], dataflows: [Dataflow]
    ) {
        self.agency = agency
        self.version = version
        self.conceptScheme = conceptScheme
        self.concepts = concepts
        self.codelists = codelists
        self.dataStructures = dataStructures
        self.dataflows = dataflows
    }

    /// The codelist with this ID.
    public func codelist(_ id: String) -> Codelist? { codelists.first { $0.id == id } }

    /// The DSD with this ID.
    public func dataStructure(_ id: String) -> DataStructure? { dataStructures.first { $0.id == id } }

    /// The dataflow with this ID.
    public func dataflow(_ id: String) -> Dataflow? { dataflows.first { $0.id == id } }

    /// The `AGENCY:ID(VERSION)` reference of an artefact (`SVCTRADE:DF_SVC_TRADE(1.0)`).
    public func reference(_ id: String) -> String { "\(agency):\(id)(\(version))" }
}
