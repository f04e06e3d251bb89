"""Vägval dashboard entry point (placeholder until the dashboard lands): the demo municipality at a glance."""

import streamlit as st

from engine import evaluate, load_dataset

st.set_page_config(page_title="Vägval", layout="wide")
dataset = load_dataset("data/demo")
st.title(f"Vägval — {dataset.name}")
result = evaluate(dataset, "bas", "keep-all")
st.dataframe(result.years)
