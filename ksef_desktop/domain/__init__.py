"""The pure model of a Polish sales document: money, parties, lines, lifecycle. No I/O."""
