"""The floor of the stack: one slider, one plotly chart (3 lines × 10 points) that follows it.

    python -m ui.launch --app benchmarks/bare_app.py      # with the launcher's fixes
    .venv/bin/streamlit run benchmarks/bare_app.py         # plain, for comparison

benchmarks/browser_speed.py and benchmarks/load_test.py measure the real app against this.
"""

import plotly.graph_objects as go
import streamlit as st

st.title("Bare page")
k = st.slider("Maxstorlek per klass", min_value=10, max_value=40, value=25)

x = list(range(10))
fig = go.Figure(
    [go.Scatter(x=x, y=[(i + 1) * k + j * line for j in x], name=f"linje {i + 1}") for i, line in enumerate((1, 2, 3))]
)
fig.update_layout(title=f"k = {k}", height=360, margin={"t": 40, "b": 30})
st.plotly_chart(fig, key="chart")
