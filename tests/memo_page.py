"""Only the decision memo's button, for tests/test_memo.py: AppTest through Streamlit, whatever Jämför's layout."""

from ui import memo, session

view = session.view()
memo.memo_button(view, session.compared(view))
