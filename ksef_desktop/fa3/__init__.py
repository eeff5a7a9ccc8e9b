"""FA(3) XML: build, parse, validate and describe documents against the official schema."""

from ksef_desktop.fa3.build import build
from ksef_desktop.fa3.parse import parse

__all__ = ["build", "parse"]

from ksef_desktop.fa3.describe import ElementInfo, describe, element_info
from ksef_desktop.fa3.problems import Problem, Severity
from ksef_desktop.fa3.validate import validate

__all__ += ["ElementInfo", "Problem", "Severity", "describe", "element_info", "validate"]
