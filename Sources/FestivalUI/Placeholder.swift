public enum FestivalUIPlaceholder {}
