"""ERP > KSEF > AWAITING DOCUMENTS: the window, its lazy model, filters and automatic retry."""
