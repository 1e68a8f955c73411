public enum TradeReportPlaceholder {}
