"""Samples shared by the browser tests and the view tests of the web app."""

BODY = "Ban Tuyên giáo Tỉnh ủy"
NEW_NAME = "Kế hoạch hội thi số 7.txt"
NEW_DOC = """BAN THƯỜNG VỤ HUYỆN ỦY
Số 07-KH/HU

KẾ HOẠCH
tổ chức hội thi tìm hiểu biển đảo quê hương năm 2022

-----

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao hiểu biết của đoàn viên, thanh niên về chủ quyền biển đảo quê hương.

II. TỔ CHỨC THỰC HIỆN

1. Ban Dân vận Huyện ủy chủ trì tổ chức hội thi tìm hiểu biển đảo quê hương, hoàn thành trước ngày 30/9/2022.
"""
