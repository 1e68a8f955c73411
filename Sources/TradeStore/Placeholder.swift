public enum TradeStorePlaceholder {}
