"""Shared view code for the Streamlit pages."""
