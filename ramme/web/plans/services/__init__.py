"""Every write of the plans app: one function per change, owning transaction and audit row."""
