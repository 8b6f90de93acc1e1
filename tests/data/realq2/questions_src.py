"""Hand-written source of the realq2 questions (72).
Run build_questions.py to write and validate questions.jsonl.

q(...)  one question answered by one passage of one document.
x(...)  a `cross` question: two passages from two different documents.
u(...)  an `unanswerable` question on a document's topic; gold and accept stay empty.

`avoid` (paraphrase questions only) lists the document's own key terms that the
question deliberately does not use; the build script checks they are absent.
"""
Q = []
def q(doc, kind, asks, query, quote, accept, note, avoid=()):
    Q.append(dict(doc=doc, kind=kind, asks=asks, query=query,
                  gold=[dict(doc=doc, quote=quote)], accept=accept, note=note, avoid=list(avoid)))

def x(asks, query, gold, accept, note):
    Q.append(dict(doc=gold[0][0], kind="cross", asks=asks, query=query,
                  gold=[dict(doc=d, quote=s) for d, s in gold], accept=accept, note=note, avoid=[]))

def u(doc, asks, query, note):
    Q.append(dict(doc=doc, kind="unanswerable", asks=asks, query=query,
                  gold=[], accept=[], note=note, avoid=[]))


# ---------------------------------------------------------------- Party documents
D001 = "ext_001_hd_btctu_hn_huongdan.txt"
D003 = "ext_003_06_hd_tw.txt"
D007 = "ext_007_1147_qd_btgdvtw.txt"
D015 = "ext_015_dieu_le_dang_2011.txt"

q(D001, "paraphrase", "when",
  "Ở Hà Nội, chi bộ họp đồng ý đưa một người vào Đảng rồi thì cấp trên có tối đa bao nhiêu ngày làm việc để ra quyết định?",
  "- Quyết định KNĐV của cấp ủy có thẩm quyền: Trong vòng 45 ngày làm việc",
  ["45 ngày làm việc"],
  "Phần thứ hai, A.II, tiết 1.1.3.2 (thời hạn xem xét, quyết định KNĐV); không nhầm với thời hạn 15 ngày của công nhận đảng viên chính thức (2.1.4)",
  avoid=["kết nạp", "KNĐV", "thẩm quyền", "nghị quyết"])
q(D001, "noaccent", "where",
  "dang vien o ha noi chuyen sinh hoat dang thi khai thong tin tren trang web nao",
  "- Đảng viên khai thông tin đảng viên trên Cổng dịch vụ công Hà Nội tại địa",
  ["dvc.hanoi.dcs.vn", "dichvucong.gov.vn"],
  "Phần thứ hai, B.II.3.1.1 (chuyển sinh hoạt đảng chính thức, đối với đảng viên); địa chỉ ở dòng kế tiếp")

q(D003, "paraphrase", "when",
  "Đảng viên muốn sửa lại ngày sinh ghi trong hồ sơ Đảng thì theo hướng dẫn của Ban Bí thư có còn được không, từ mốc nào thì thôi không xét nữa?",
  "9.2. Kể từ ngày 18/8/2016, không xem xét điều chỉnh ngày tháng năm sinh của đảng viên; thống",
  ["18/8/2016"],
  "mục 9.2 Hướng dẫn 06-HD/TW",
  avoid=["điều chỉnh", "ngày tháng năm sinh", "lý lịch"])
q(D003, "fact", "when",
  "Theo Hướng dẫn 06-HD/TW của Ban Bí thư, Huy hiệu Đảng được trao vào dịp những ngày lễ lớn nào?",
  "- Việc trao tặng Huy hiệu Đảng được tổ chức kịp thời vào dịp kỷ niệm các ngày lễ lớn 3/2; 19/5;",
  ["3/2; 19/5; 2/9; 7/11"],
  "mục 18.4; danh sách ngày lễ nối sang dòng kế tiếp")

q(D007, "paraphrase", "how_many",
  "Người đi học ở trung tâm chính trị xã, phường phải có mặt ít nhất bao nhiêu phần trăm số tiết thì mới được làm bài cuối khóa?",
  "4. Học viên phải bảo đảm tham dự tối thiểu 80% số",
  ["tối thiểu 80%"],
  "Quy chế kèm QĐ 1147-QĐ/BTGDVTW, Điều 6 khoản 4",
  avoid=["tham dự", "thu hoạch", "học viên", "bảo đảm"])
q(D007, "paraphrase", "how_many",
  "Cô giáo ở trung tâm chính trị phường đang nuôi con chưa đầy một tuổi thì được bớt bao nhiêu phần trăm số giờ phải đứng lớp?",
  "- Giảng viên nữ có con nhỏ dưới 12 tháng được giảm",
  ["giảm 15% định mức", "15%"],
  "Quy chế, Điều 13 khoản 1 điểm c (định mức giờ chuẩn); tỷ lệ ở dòng kế tiếp",
  avoid=["giảng viên nữ", "con nhỏ", "12 tháng", "định mức", "giờ chuẩn"])
q(D007, "article", "when",
  "Theo Quy chế bồi dưỡng, giảng dạy của trung tâm chính trị xã, phường, đặc khu (QĐ 1147-QĐ/BTGDVTW), khiếu nại kết quả chấm bài thu hoạch cuối khóa phải gửi cho ai và chậm nhất bao lâu sau khi công bố điểm?",
  "khóa phải được gửi đến viên chức được phân công làm giáo vụ chậm nhất 02 ngày",
  ["chậm nhất 02 ngày", "02 ngày sau khi công bố điểm"],
  "Quy chế, Điều 8 khoản 1 (phúc tra)")

q(D015, "paraphrase", "how_many",
  "Theo Điều lệ Đảng, chi bộ đông tới bao nhiêu người đã vào Đảng chính thức thì phải bầu cả một ban lãnh đạo chi bộ chứ không chỉ bầu một người đứng đầu?",
  "Chi bộ có chín đảng viên chính thức trở lên, bầu chi uỷ, bầu bí thư và phó bí thư chi bộ trong số chi uỷ viên.",
  ["chín đảng viên chính thức trở lên"],
  "Điều lệ Đảng 2011, Điều 24 khoản 4",
  avoid=["chi uỷ", "chi ủy", "bí thư", "chín đảng viên"])
q(D015, "paraphrase", "how_many",
  "Theo Điều lệ Đảng, đảng viên bỏ họp chi bộ hoặc không nộp đảng phí bao lâu trong một năm mà không có lý do thì bị chi bộ xem xét đề nghị gạch tên?",
  "1. Đảng viên bỏ sinh hoạt chi bộ hoặc không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng",
  ["ba tháng trong năm"],
  "Điều lệ Đảng 2011, Điều 8 khoản 1",
  avoid=["sinh hoạt", "đóng đảng phí", "xoá tên", "xóa tên"])
q(D015, "article", "how_many",
  "Theo Điều lệ Đảng năm 2011, Tổng Bí thư được giữ chức không quá mấy nhiệm kỳ liên tiếp?",
  "Đồng chí Tổng Bí thư giữ chức vụ Tổng Bí thư không quá hai nhiệm kỳ liên tiếp.",
  ["không quá hai nhiệm kỳ liên tiếp"],
  "Điều lệ Đảng 2011, Điều 17 khoản 1")

x("who",
  "Người ngoài 60 tuổi xin vào Đảng thì phải được cấp nào đồng ý bằng văn bản, theo hướng dẫn của Ban Bí thư và theo hướng dẫn nghiệp vụ của Ban Tổ chức Thành ủy Hà Nội?",
  [(D003, "biệt; được ban thường vụ cấp ủy trực thuộc Trung ương đồng ý bằng văn bản trước khi cấp ủy có"),
   (D001, "đảng viên hoặc yêu cầu đặc biệt; được Ban Thường vụ Thành ủy đồng ý bằng văn")],
  ["ban thường vụ cấp ủy trực thuộc Trung ương", "Ban Thường vụ Thành ủy"],
  "HD 06-HD/TW mục 1.1 (ban thường vụ cấp ủy trực thuộc Trung ương); HD Ban Tổ chức Thành ủy Hà Nội, Phần thứ hai A.I.2.2 (Ban Thường vụ Thành ủy)")
x("how_many",
  "Tổ chức cơ sở đảng phải có từ bao nhiêu đảng viên trở lên thì lập đảng bộ cơ sở thay vì chi bộ cơ sở, theo Điều lệ Đảng và theo hướng dẫn của Ban Tổ chức Thành ủy Hà Nội?",
  [(D015, "4. Tổ chức cơ sở đảng có từ ba mươi đảng viên trở lên, lập đảng bộ cơ sở, có các chi bộ trực thuộc đảng uỷ."),
   (D001, "trực thuộc. Tổ chức cơ sở đảng có từ 30 đảng viên trở lên, lập đảng bộ cơ sở, có các")],
  ["ba mươi đảng viên trở lên", "30 đảng viên trở lên"],
  "Điều lệ Đảng 2011, Điều 21 khoản 4; HD Ban Tổ chức Thành ủy Hà Nội, Phần thứ nhất I.1.2")
x("what",
  "Lớp bồi dưỡng nhận thức về Đảng: ai cấp giấy chứng nhận cho người học, và trung tâm chính trị phải cấp giấy trong thời hạn bao lâu kể từ khi có quyết định công nhận hoàn thành?",
  [(D003, "Người vào Đảng phải học lớp bồi dưỡng nhận thức về Đảng, có giấy chứng nhận do trung tâm"),
   (D007, "15 ngày kể từ ngày ký quyết định công nhận hoàn thành chương trình bồi dưỡng và")],
  [],
  "HD 06-HD/TW mục 3.1 (trung tâm chính trị xã, phường, đặc khu hoặc cấp ủy có thẩm quyền cấp); Quy chế kèm QĐ 1147, Điều 9 khoản 5 điểm a (thời hạn cấp 15 ngày). HD Thành ủy Hà Nội (ext_001) A.I.2.1 cũng nêu ai cấp giấy")


# ---------------------------------------------------------------- Kế hoạch UBND
D021 = "ext_021_0204_kh_ubnd.txt"
D025 = "ext_025_153_kh_ubnd.txt"
D031 = "ext_031_174_kh_ubnd.txt"
D035 = "ext_035_308_kh_ubnd.txt"

q(D021, "paraphrase", "how_many",
  "Năm 2025 tỉnh Cà Mau dự kiến cả năm thu về cho ngân sách nhà nước được tổng cộng bao nhiêu tiền?",
  "thực hiện cả năm là 11.580 tỷ đồng, vượt 11,69% so dự toán, tăng 10,48% so cùng",
  ["11.580 tỷ đồng"],
  "KH 0204/KH-UBND Cà Mau, mục I.2.1.a (tình hình thu NSNN năm 2025)",
  avoid=["ước thực hiện", "tổng thu"])
q(D021, "body", "to_whom",
  "UBND tỉnh Cà Mau gửi báo cáo kế hoạch tài chính - ngân sách nhà nước 03 năm 2026-2028 cho những cơ quan nào?",
  "Mau báo cáo Bộ Tài chính, Kiểm toán nhà nước khu vực V, Hội đồng nhân dân tỉnh",
  ["Bộ Tài chính", "Kiểm toán nhà nước khu vực V", "Hội đồng nhân dân tỉnh"],
  "câu kết trước phần Nơi nhận (kèm: kế hoạch thay thế KH 076/KH-UBND)")
q(D021, "fact", "how_many",
  "Theo kế hoạch tài chính 03 năm của UBND tỉnh Cà Mau, hiện toàn tỉnh có bao nhiêu trường công lập đạt chuẩn quốc gia?",
  "từng cấp học. Đến nay, toàn tỉnh có 629/731 trường công lập đạt chuẩn quốc gia,",
  ["629/731"],
  "mục I.1 (đánh giá kinh tế - xã hội 2025), gạch đầu dòng về cơ sở vật chất dạy học")

q(D025, "paraphrase", "how_many",
  "Cần Thơ đặt mục tiêu đến năm 2030 có ít nhất bao nhiêu phần trăm xã, phường sạch ma túy?",
  "ít nhất 50% số xã, phường trên toàn thành phố không có ma túy.",
  ["ít nhất 50%"],
  "KH 153/KH-UBND Cần Thơ, mục I.4 điểm a (chỉ tiêu đến năm 2030)",
  avoid=["không có ma túy", "phấn đấu"])
q(D025, "paraphrase", "when",
  "Các sở, ngành ở Cần Thơ có mấy ngày để nộp kế hoạch riêng của mình về chương trình phòng, chống ma túy lên thành phố?",
  "phố) trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này.",
  ["10 ngày kể từ ngày nhận Kế hoạch này"],
  "mục IV (Tổ chức thực hiện) khoản 1 điểm a; gửi UBND thành phố qua Công an thành phố",
  avoid=["thời hạn", "gửi kế hoạch", "xây dựng kế hoạch"])
q(D025, "body", "who",
  "Trong KH 153/KH-UBND của Cần Thơ về Chương trình mục tiêu quốc gia phòng, chống ma túy, cơ quan nào chủ trì Dự án 6 \"Tăng cường đáp ứng y tế trong phòng, chống ma túy\"?",
  "hiện các nhiệm vụ được giao tại Dự án 6 “Tăng cường đáp ứng y tế trong phòng,",
  ["Sở Y tế"],
  "mục IV (Phân công nhiệm vụ) khoản 3 Sở Y tế, điểm d")

q(D031, "paraphrase", "how_many",
  "TP.HCM muốn tới năm 2025 phụ nữ làm sếp doanh nghiệp, hợp tác xã chiếm ít nhất bao nhiêu phần trăm?",
  "doanh nghiệp, hợp tác xã đạt ít nhất 27% vào năm 2025.",
  ["ít nhất 27%"],
  "KH 174/KH-UBND TP.HCM, mục II.1.2 b, Chỉ tiêu 3 (lĩnh vực kinh tế)",
  avoid=["giám đốc", "chủ doanh nghiệp", "tỷ lệ nữ"])
q(D031, "paraphrase", "who",
  "Ở TP.HCM, ai lo đưa thông điệp tháng hành động vì bình đẳng giới lên bảng điện tử trên xe buýt và ở nhà chờ?",
  "điệp truyền thông Tháng hành động trên bảng quang báo thông tin giao thông của",
  ["Sở Xây dựng"],
  "mục III.1 c) Hoạt động 3, gạch thứ hai; tên Sở Xây dựng ở đầu câu, dòng trước",
  avoid=["đăng tải", "phương tiện giao thông công cộng", "quang báo", "bảng tin"])
q(D031, "timeline", "when",
  "Theo KH 174/KH-UBND TP.HCM, các sở, ngành và UBND phường, xã, đặc khu gửi báo cáo công tác bình đẳng giới năm 2025 về Sở Nội vụ trước ngày nào?",
  "trước ngày 16 tháng 12 năm 2025 để tổng hợp báo cáo Bộ Nội vụ, Ủy ban nhân dân",
  ["trước ngày 16 tháng 12 năm 2025"],
  "mục VII (Chế độ báo cáo)")

q(D035, "noaccent", "when",
  "ha noi bao cao tien do de an 06 len phan mem dean06.vn truoc ngay bao nhieu hang thang",
  "án 06 trước ngày 20 hằng tháng lên phần mềm theo dõi, giám sát Đề án 06 (tại địa",
  ["trước ngày 20 hằng tháng"],
  "KH 308/KH-UBND Hà Nội, mục III khoản 1; không nhầm với hạn ngày 15 hằng tháng ở khoản 2")
q(D035, "paraphrase", "when",
  "Theo kế hoạch của Hà Nội thực hiện Nghị quyết 214/NQ-CP về dữ liệu, mỗi tháng các sở, phường, xã phải nộp kết quả cho thành phố qua Sở KH&CN trước ngày mấy?",
  "học và Công nghệ trước ngày 15 hằng tháng.",
  ["trước ngày 15 hằng tháng"],
  "mục III khoản 2 (báo cáo UBND Thành phố thông qua Sở Khoa học và Công nghệ)",
  avoid=["hằng tháng", "thông qua", "báo cáo"])
q(D035, "reference", "which_document",
  "KH 308/KH-UBND của Hà Nội yêu cầu bảo đảm an ninh mạng cho các cơ sở dữ liệu theo tiêu chuẩn nào?",
  "chuyên ngành đã, đang và sẽ xây dựng trong phạm vi quản lý theo tiêu chuẩn TCVN",
  ["TCVN 14423:2025"],
  "mục II.3 a (an toàn thông tin); số hiệu tiêu chuẩn ở dòng kế tiếp")

x("when",
  "Cuối năm 2025, UBND các xã, phường ở Cần Thơ phải xong những việc gì và hạn khi nào theo chỉ thị bảo vệ nước dưới đất và theo kế hoạch phòng, chống ma túy của thành phố?",
  [(D025, "ngày 15 tháng 12) báo cáo kết quả về Ủy ban nhân dân thành phố (qua Công an"),
   ("ext_051_09_ct_ubnd.txt", "tất cả các công trình khai thác nước dưới đất trên địa bàn, hoàn thành trước")],
  ["ngày 15 tháng 12", "31/12/2025"],
  "KH 153/KH-UBND mục IV.1 b (báo cáo hằng năm trước 15/12, qua Công an thành phố); CT 09/CT-UBND khoản 10 b (rà soát, thống kê công trình khai thác nước dưới đất trước 31/12/2025)")


# ---------------------------------------------------------------- Chỉ thị, Công điện
D051 = "ext_051_09_ct_ubnd.txt"
D057 = "ext_057_227_cd_ttg.txt"
D061 = "ext_061_234_cd_ttg.txt"

q(D051, "paraphrase", "to_whom",
  "Làm theo chỉ thị giữ gìn nguồn nước ngầm của Cần Thơ mà gặp vướng thì báo về đâu?",
  "phát sinh khó khăn, vướng mắc thì kịp thời phản ánh về Sở Nông nghiệp và Môi",
  ["Sở Nông nghiệp và Môi trường"],
  "CT 09/CT-UBND Cần Thơ, đoạn kết",
  avoid=["vướng mắc", "phản ánh", "nước dưới đất", "tài nguyên nước"])
q(D051, "body", "who",
  "Theo Chỉ thị 09/CT-UBND của Cần Thơ, cơ quan nào thanh tra định kỳ hoặc đột xuất các tổ chức khai thác tài nguyên nước cho nuôi trồng thủy sản, sản xuất công nghiệp?",
  "chức thanh tra việc chấp hành các quy định pháp luật về tài nguyên nước theo định",
  ["Thanh tra thành phố"],
  "khoản 8 điểm b; 'Giao Thanh tra thành phố' ở dòng trước")

q(D057, "noaccent", "how_many",
  "lu nam trung bo thang 11 2025 lam bao nhieu nguoi chet va mat tich theo cong dien 227",
  "làm 102 người chết, mất tích, 221 nhà bị sập, đổ, trôi, 933 nhà bị hư hỏng; trên",
  ["102 người chết, mất tích"],
  "CĐ 227/CĐ-TTg, chú thích [2] cuối văn bản")
q(D057, "timeline", "when",
  "Công điện 227/CĐ-TTg yêu cầu Bộ Tài chính trình Chính phủ dự thảo Nghị quyết về giải pháp khắc phục hậu quả thiên tai, phục hồi sản xuất khu vực Trung Bộ trước ngày nào?",
  "phục hồi sản xuất tại các địa phương khu vực Trung Bộ, trình Chính phủ trước",
  ["ngày 26/11/2025"],
  "khoản 5 điểm (2); ngày ở dòng kế tiếp")

q(D061, "paraphrase", "who",
  "Chiến dịch Quang Trung làm lại nhà cho dân vùng lũ miền Trung: bộ nào lo tính phương án xin tiền trung ương hỗ trợ cho Đắk Lắk, Gia Lai, Khánh Hòa, Lâm Đồng?",
  "chủ trì phối hợp với các bộ, ngành liên quan rà soát, tổng hợp đề xuất phương",
  ["Bộ trưởng Bộ Tài chính", "Bộ Tài chính"],
  "CĐ 234/CĐ-TTg khoản 5",
  avoid=["chủ trì", "ngân sách trung ương", "rà soát", "đề xuất"])
q(D061, "fact", "how_many",
  "Theo Công điện 234/CĐ-TTg, đợt mưa lũ từ 16 đến 22/11/2025 ở Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng làm bao nhiêu nhà sập đổ hoàn toàn?",
  "Lắk, Khánh Hòa, Gia Lai và Lâm Đồng đã làm 963 nhà bị sập đổ hoàn toàn, 3.390",
  ["963 nhà"],
  "đoạn mở đầu công điện")

x("when",
  "Hạn chót xây xong nhà mới, tái định cư cho các hộ bị lũ làm sập, cuốn trôi nhà ở miền Trung theo các công điện của Thủ tướng cuối tháng 11/2025 là ngày nào?",
  [(D057, "xây mới, tái định cư cho các hộ có nhà bị sập đổ, trôi, hư hỏng nặng, hoàn thành trước ngày 31/01/2026"),
   (D061, "nhà, tái định cư cho tất cả các gia đình có nhà bị đổ, sập, trôi chậm nhất trước")],
  ["31/01/2026"],
  "CĐ 227/CĐ-TTg khoản 1 (3) (quote từ bản tóm tắt đầu tệp, thân văn bản bị ngắt dòng); CĐ 234/CĐ-TTg khoản 1 b, ngày ở dòng kế tiếp. Hai văn bản cùng hạn 31/01/2026, nhưng hạn sửa nhà hư hỏng khác nhau (30/11/2025 và 31/12/2025)")


# ---------------------------------------------------------------- Thông báo VPCP, Nghị quyết
D065 = "ext_065_627_tb_vpcp.txt"
D077 = "ext_077_1661_nq_ubtvqh15.txt"
D083 = "ext_083_377_nq_cp.txt"
D089 = "ext_089_51_2025_nq_hdnd.txt"

q(D065, "noaccent", "when",
  "san bay long thanh giai doan 1 phai khanh thanh vao ngay nao theo ket luan phien hop ban chi dao",
  "tế Long Thành giai đoạn 1 và dự án nâng cấp sân bay Nội Bài vào ngày 19 tháng",
  ["ngày 19 tháng 12 năm 2025"],
  "TB 627/TB-VPCP mục III.2 b")
q(D065, "paraphrase", "how_many",
  "Ở phiên họp thứ 21 của ban chỉ đạo các công trình giao thông trọng điểm, trong số việc Thủ tướng giao từ phiên trước đã xong đúng hạn bao nhiêu việc?",
  "thành 08 nhiệm vụ đúng thời hạn yêu cầu, trong đó có một số nhiệm vụ quan trọng",
  ["08 nhiệm vụ"],
  "mục I (Đánh giá chung): 30 nhiệm vụ được giao ở Phiên họp 20, 08 hoàn thành đúng hạn",
  avoid=["hoàn thành", "nhiệm vụ", "thời hạn"])
u(D065, "how_many",
  "Thông báo 627/TB-VPCP cho biết tổng mức đầu tư của Dự án Cảng hàng không quốc tế Long Thành giai đoạn 1 là bao nhiêu tỷ đồng?",
  "Không có trong ext_065_627_tb_vpcp.txt: thông báo chỉ nêu khối lượng hoàn thành khoảng 61%, yêu cầu sản lượng tối thiểu 20%/tháng và mốc khánh thành 19/12/2025; không nêu tổng mức đầu tư")

q(D077, "paraphrase", "how_many",
  "Sau đợt nhập xã năm 2025, tỉnh Điện Biên còn tất cả bao nhiêu xã và phường?",
  "46. Sau khi sắp xếp, tỉnh Điện Biên có 45 đơn vị hành chính cấp xã, gồm 42 xã và 03 phường.",
  ["45 đơn vị hành chính cấp xã", "42 xã và 03 phường"],
  "NQ 1661/NQ-UBTVQH15, Điều 1 khoản 46",
  avoid=["đơn vị hành chính", "sắp xếp"])
q(D077, "noaccent", "which_units",
  "xa sam mun cu o dien bien duoc nhap vao xa moi nao",
  "32. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Noong Hẹt, Sam Mứn và Thanh An thành xã mới có tên gọi là **xã Thanh An**.",
  ["xã Thanh An"],
  "Điều 1 khoản 32. Bẫy: khoản 34 lập một xã mới cũng tên Sam Mứn từ xã Pom Lót và xã Na Ư")
q(D077, "timeline", "when",
  "Theo Nghị quyết 1661/NQ-UBTVQH15, Chính phủ phải xác định và công bố công khai diện tích tự nhiên các xã mới của Điện Biên trước ngày nào?",
  "tổ chức việc xác định chính xác diện tích tự nhiên của các đơn vị hành chính cấp xã và công bố công khai trước ngày 30 tháng 9 năm 2025",
  ["trước ngày 30 tháng 9 năm 2025"],
  "Điều 3 khoản 2")

q(D083, "paraphrase", "who",
  "Ai được thay Chính phủ đặt bút ký tờ trình dự án pháp lệnh sửa đổi về cảnh sát môi trường gửi Ủy ban Thường vụ Quốc hội?",
  "**Điều 2. **Giao Bộ trưởng Bộ Công an thừa ủy quyền Thủ tướng Chính phủ,",
  ["Bộ trưởng Bộ Công an"],
  "NQ 377/NQ-CP, Điều 2",
  avoid=["thay mặt", "thừa ủy quyền", "Bộ trưởng"])
q(D083, "reference", "which_document",
  "Chính phủ cho ý kiến về dự án Pháp lệnh sửa đổi, bổ sung Pháp lệnh Cảnh sát môi trường theo văn bản trình số mấy của Bộ Công an?",
  "bản số 661/TTr-BCA ngày 05 tháng 11 năm 2025. Giao Bộ Công an chủ trì, phối hợp",
  ["661/TTr-BCA"],
  "Điều 1 (cũng ở phần căn cứ và bản tóm tắt đầu tệp)")

x("what",
  "Phó Thủ tướng thường trực Nguyễn Hòa Bình được phân công những việc gì trong các văn bản của Chính phủ, Thủ tướng tháng 11/2025?",
  [(D083, "Bình chỉ đạo Bộ Công an và các bộ, cơ quan liên quan trong quá trình chỉnh lý,"),
   (D057, "thường trực Chính phủ Nguyễn Hòa Bình tỉnh Đắk Lắk, Phó Thủ tướng Nguyễn Thành")],
  [],
  "NQ 377/NQ-CP Điều 3 (chỉ đạo chỉnh lý, hoàn thiện dự án Pháp lệnh Cảnh sát môi trường); CĐ 227/CĐ-TTg khoản 14 (theo dõi, chỉ đạo khắc phục mưa lũ tại tỉnh Đắk Lắk)")

q(D089, "paraphrase", "how_many",
  "Hà Nội cho mỗi xã tối đa mấy người làm chăn nuôi, thú y ở cơ sở?",
  "1. Mỗi đơn vị xã được bố trí bình quân không quá 03",
  ["không quá 03 (ba)", "không quá 03"],
  "NQ 51/2025/NQ-HĐND Hà Nội, Điều 2 khoản 1 (phường: không quá 02)",
  avoid=["bố trí", "bình quân", "nhân viên"])
q(D089, "article", "how_many",
  "Theo Nghị quyết 51/2025/NQ-HĐND Hà Nội, nhân viên chăn nuôi thú y cấp xã tốt nghiệp đại học hưởng phụ cấp hằng tháng theo hệ số bao nhiêu?",
  "theo hệ số 2,34 so với mức lương cơ sở nhân 1,5 lần;",
  ["2,34"],
  "Điều 2 khoản 2.1 điểm a (cao đẳng, trung cấp: 1,86)")
q(D089, "noaccent", "when",
  "nghi quyet ha noi ve nhan vien chan nuoi thu y xa phuong co hieu luc tu ngay nao",
  "1. Nghị quyết này có hiệu lực kể từ ngày 01 tháng",
  ["ngày 01 tháng 01 năm 2026"],
  "Điều 5 khoản 1; năm ở dòng kế tiếp")


# ---------------------------------------------------------------- Quyết định
D099 = "ext_099_844_qd_ttg.txt"
D103 = "ext_103_173_qd_btp.txt"
D107 = "ext_107_032_2025_qd_ubnd.txt"
D143 = "ext_143_38_2025_qd_ubnd.txt"
D145 = "ext_145_39_2025_qd_ubnd.txt"

q(D099, "paraphrase", "how_many",
  "Chính phủ muốn đến năm 2026 bao nhiêu phần trăm dân có thẻ bảo hiểm y tế?",
  "hiểm y tế đạt trên 95,5% dân số, đến năm 2030 đạt mục tiêu bao phủ bảo hiểm y",
  ["trên 95,5% dân số"],
  "Kế hoạch kèm QĐ 844/QĐ-TTg, mục II.5 gạch đầu dòng 1 (cũng ở dòng 22 phụ lục)",
  avoid=["bao phủ", "tỷ lệ", "tham gia"])
q(D099, "paraphrase", "when",
  "Theo kế hoạch của Thủ tướng thực hiện Chỉ thị 52-CT/TW, từ năm nào số tiền người dân đóng bảo hiểm y tế bắt đầu được nâng dần?",
  "- Từng bước tăng mức đóng bảo hiểm y tế từ năm 2027 phù hợp với việc mở",
  ["từ năm 2027"],
  "Kế hoạch, mục II.2 (cũng ở dòng 8 phụ lục: Nghị định tăng mức đóng, tháng 3/2027)",
  avoid=["mức đóng", "từng bước tăng"])
q(D099, "timeline", "when",
  "Theo phụ lục Quyết định 844/QĐ-TTg, nhiệm vụ xây dựng Luật Bảo hiểm y tế sửa đổi phải hoàn thành vào thời gian nào?",
  "10.  Xây dựng Luật Bảo hiểm y tế sửa đổi.",
  ["Quý I/2029"],
  "Phụ lục, dòng 10 (chủ trì Bộ Y tế); thời hạn ở ô cuối của dòng, vài dòng sau")

q(D103, "paraphrase", "who",
  "Trong kế hoạch phối hợp giữa Bộ Tư pháp và Ủy ban Dân tộc năm 2015, đơn vị nào lo mở lớp tập huấn nghiệp vụ cho cán bộ pháp chế của Ủy ban Dân tộc trên cả nước?",
  "c) Tổ chức bồi dưỡng nghiệp vụ cho cán bộ pháp chế của Ủy ban Dân tộc trên phạm vi toàn quốc",
  ["Vụ Các vấn đề chung về xây dựng pháp luật"],
  "Kế hoạch kèm QĐ 173/QĐ-BTP, mục II.7 c; đơn vị chủ trì ở dòng kế tiếp",
  avoid=["bồi dưỡng", "chủ trì", "toàn quốc"])
q(D103, "fact", "how_many",
  "Theo QĐ 173/QĐ-BTP năm 2015, Bộ Tư pháp biên soạn, phát hành bao nhiêu tờ gấp pháp luật cho đồng bào dân tộc thiểu số?",
  "(06 tờ gấp pháp luật và 01 sổ tay nghiệp vụ phổ biến pháp luật dành cho cán bộ làm công tác dân tộc)",
  ["06 tờ gấp pháp luật"],
  "mục II.5 b")
q(D103, "reference", "which_document",
  "Kế hoạch năm 2015 ban hành kèm QĐ 173/QĐ-BTP triển khai chương trình phối hợp số mấy giữa Ủy ban Dân tộc và Bộ Tư pháp?",
  "Căn cứ Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp",
  ["1249a/CTPH-UBDT-BTP"],
  "phần căn cứ của Quyết định (cũng ở mục I.1 a của Kế hoạch)")

q(D107, "paraphrase", "who",
  "Ở Đắk Lắk, bệnh viện, trạm y tế được trang bị máy móc chuyên môn tới mức nào là do cơ quan nào quy định?",
  "chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng thuộc lĩnh vực y tế theo",
  ["Sở Y tế"],
  "QĐ 032/2025/QĐ-UBND Đắk Lắk, Điều 3 khoản 2; 'Sở Y tế ban hành tiêu' ở dòng trước",
  avoid=["ban hành", "tiêu chuẩn", "định mức", "thiết bị chuyên dùng", "lĩnh vực y tế", "phân cấp"])
q(D107, "reference", "which_document",
  "Quyết định 032/2025/QĐ-UBND của Đắk Lắk bãi bỏ quyết định nào của UBND tỉnh Phú Yên (trước đây) về phân cấp định mức máy móc, thiết bị chuyên dùng?",
  "12/2023/QĐ-UBND ngày 20/4/2023 của Ủy ban nhân dân tỉnh Phú Yên (trước đây) quy",
  ["12/2023/QĐ-UBND"],
  "Điều 4 khoản 2 điểm a (điểm b bãi bỏ QĐ 57/2024/QĐ-UBND của Đắk Lắk cũ)")
q(D107, "body", "who",
  "Theo QĐ 032/2025/QĐ-UBND Đắk Lắk, cơ quan cấp tỉnh nào ban hành tiêu chuẩn, định mức sử dụng máy móc, thiết bị chuyên dùng của các cơ sở giáo dục, cơ sở đào tạo thuộc phạm vi quản lý của mình?",
  "sở giáo dục, cơ sở đào tạo thuộc phạm vi quản lý.",
  ["Sở Giáo dục và Đào tạo"],
  "Điều 3 khoản 3 điểm a; tên Sở ở đầu điểm, hai dòng trước (điểm c: UBND cấp xã cho cơ sở giáo dục do xã quản lý)")

q(D143, "paraphrase", "which_units",
  "Ở Cần Thơ, muốn nhập khẩu drone thì Sở Công Thương chỉ cấp phép sau khi có văn bản đồng ý của những bộ nào?",
  "không người lái, phương tiện bay khác sau khi có ý kiến thống nhất bằng văn bản",
  ["Bộ Quốc phòng, Bộ Công an"],
  "QĐ 38/2025/QĐ-UBND Cần Thơ, Điều 2 khoản 5; tên hai bộ ở dòng kế tiếp",
  avoid=["tàu bay", "không người lái", "thống nhất", "tạm nhập"])
q(D143, "reference", "which_document",
  "QĐ 38/2025/QĐ-UBND của Cần Thơ phân cấp cho Sở Công Thương các nhiệm vụ thuộc thẩm quyền UBND thành phố tại những khoản, điều nào của Nghị định 146/2025/NĐ-CP?",
  "thương mại, xuất nhập khẩu thuộc thẩm quyền của Ủy ban nhân dân thành phố tại khoản 4, 5, 6 Điều 28, Điều 30 Nghị định số 146/2025/NĐ-CP ngày",
  ["khoản 4, 5, 6 Điều 28, Điều 30"],
  "Điều 1 khoản 1 (kèm khoản 2 Điều 4 Thông tư 40/2025/TT-BCT)")
q(D143, "article", "which_document",
  "Theo Điều 3 QĐ 38/2025/QĐ-UBND Cần Thơ, Sở Công Thương phải bảo đảm các điều kiện cần thiết khi thực hiện nhiệm vụ được phân cấp theo quy định nào?",
  "thiết trong thời gian thực hiện nhiệm vụ được phân cấp theo quy định tại Điều 5 Thông tư số 40/2025/TT-BCT ngày 22 tháng 6 năm 2025.",
  ["Điều 5 Thông tư số 40/2025/TT-BCT"],
  "Điều 3 khoản 2")

q(D145, "paraphrase", "who",
  "Khi sếp Chi cục Kiểm lâm Quảng Trị đi vắng thì ai được điều hành công việc của Chi cục?",
  "được Chi cục trưởng ủy quyền thay Chi cục trưởng điều hành các hoạt động của Chi",
  ["một Phó Chi cục trưởng"],
  "Quy định kèm QĐ 39/2025/QĐ-UBND Quảng Trị, Điều 3 khoản 1 điểm b",
  avoid=["vắng mặt", "ủy quyền", "Chi cục trưởng", "người đứng đầu"])
q(D145, "noaccent", "which_units",
  "tram kiem lam lao bao thuoc hat kiem lam nao o quang tri",
  "Kiểm lâm Hướng Phùng thuộc Hạt Kiểm lâm Hướng Hóa;",
  ["Hạt Kiểm lâm Hướng Hóa"],
  "Quy định, Điều 3 khoản 4 điểm r; 'Trạm Kiểm lâm Lao Bảo' ở dòng trước")
u(D145, "how_many",
  "Theo QĐ 39/2025/QĐ-UBND Quảng Trị, Chi cục Kiểm lâm được giao bao nhiêu biên chế công chức?",
  "Không có trong ext_145_39_2025_qd_ubnd.txt: Quy định chỉ nói Chi cục quản lý biên chế, vị trí việc làm (Điều 2 khoản 11, Điều 4) và liệt kê phòng, hạt, trạm; không nêu số biên chế")


# ---------------------------------------------------------------- Công văn
D175 = "ext_175_11554_vpcp_v.txt"
D181 = "ext_181_4085_ubnd_dt.txt"
D185 = "ext_185_5347_ct_cs.txt"

q(D175, "paraphrase", "when",
  "Bộ Tài chính phải nộp kế hoạch cao điểm chống hàng lậu, hàng giả dịp Tết Bính Ngọ cho Trưởng Ban Chỉ đạo 389 quốc gia trước ngày nào?",
  "tướng Chính phủ - Trưởng Ban Chỉ đạo 389 quốc gia trước ngày 30 tháng 11 năm",
  ["trước ngày 30 tháng 11 năm 2025"],
  "CV 11554/VPCP-V.I khoản 3.1 (bản tóm tắt đầu tệp ghi 30/11/2025)",
  avoid=["hoàn thiện", "báo cáo", "buôn lậu, gian lận"])
q(D175, "paraphrase", "who",
  "Cơ quan nào được giao đi kiểm tra, nhắc nhở các ban chỉ đạo 389 của bộ, ngành, địa phương làm theo chỉ đạo chống buôn lậu?",
  "5. Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia",
  ["Văn phòng Thường trực Ban Chỉ đạo 389 quốc gia"],
  "khoản 5",
  avoid=["đôn đốc", "tăng cường kiểm tra", "cơ quan thường trực"])
q(D175, "reference", "which_document",
  "Công văn 11554/VPCP-V.I yêu cầu tổng kết việc thực hiện chỉ thị nào năm 2014 của Thủ tướng để làm chỉ thị mới về chống buôn lậu thuốc lá?",
  "việc thực hiện Chỉ thị số 30/CT-TTg ngày 30 tháng 9 năm 2014 của Thủ tướng",
  ["Chỉ thị số 30/CT-TTg", "30/CT-TTg"],
  "khoản 3.2")

q(D181, "paraphrase", "when",
  "TP.HCM cho các phường, xã hạn chót tới ngày nào để dọn dẹp, chuẩn lại xong dữ liệu số nhà đã cấp?",
  "Thời gian hoàn thành trước ngày 31 tháng 12 năm 2025**.**",
  ["trước ngày 31 tháng 12 năm 2025"],
  "CV 4085/UBND-ĐT TP.HCM, khoản 1.3",
  avoid=["thời gian hoàn thành", "rà soát", "làm sạch", "cập nhật"])
q(D181, "paraphrase", "to_whom",
  "Vướng chuyện đánh lại số nhà sau sáp nhập ở TP.HCM thì các đơn vị gửi văn bản cho ai để được xử lý?",
  "cơ quan, đơn vị có văn bản báo cáo gửi Sở Xây dựng để tổng hợp, tham mưu, đề",
  ["Sở Xây dựng"],
  "đoạn cuối công văn",
  avoid=["khó khăn, vướng mắc", "báo cáo", "chuẩn hóa", "tham mưu"])
q(D181, "timeline", "when",
  "Theo Công văn 4085/UBND-ĐT, Sở Nông nghiệp và Môi trường TP.HCM phải chia sẻ xong cơ sở dữ liệu đất đai có số nhà cho các phường, xã trước ngày nào?",
  "phường, xã, đặc khu. Thời gian thực hiện hoàn thành xong trước ngày 05 tháng 12",
  ["trước ngày 05 tháng 12 năm 2025"],
  "khoản 1.1; năm ở dòng kế tiếp")

q(D185, "paraphrase", "how_many",
  "Theo trả lời của Cục Thuế cho Thuế Nghệ An, gia đình thương binh, liệt sĩ khi được giao đất làm nhà thì được bớt tiền đất tối đa mấy lần?",
  "cách mạng được miễn hoặc giảm tiền sử dụng đất một lần (01 hồ sơ miễn, giảm)",
  ["một lần"],
  "CV 5347/CT-CS, đoạn kết luận 'Căn cứ các quy định nêu trên'",
  avoid=["người có công", "miễn hoặc giảm", "tiền sử dụng đất"])
q(D185, "reference", "which_document",
  "Công văn 5347/CT-CS của Cục Thuế về tiền sử dụng đất trả lời công văn số mấy của Thuế tỉnh Nghệ An?",
  "Cục Thuế nhận được công văn số 506/NAN-NVDTPC ngày",
  ["506/NAN-NVDTPC"],
  "câu mở đầu công văn")
u(D185, "how_many",
  "Theo Công văn 5347/CT-CS, thương binh hạng 1/4 ở Nghệ An được giảm bao nhiêu phần trăm tiền sử dụng đất?",
  "Không có trong ext_185_5347_ct_cs.txt: công văn chỉ nói được miễn hoặc giảm một lần, đối tượng và mức cụ thể theo Pháp lệnh ưu đãi người có công và NĐ 131/2021/NĐ-CP; không nêu tỷ lệ")


# ---------------------------------------------------------------- Nghị định
D193 = "ext_193_304_2025_nd_cp.txt"

q(D193, "paraphrase", "how_many",
  "Ngân hàng siết căn nhà duy nhất của người vay nợ xấu thì phải đưa lại cho chủ nhà một khoản bằng bao nhiêu tháng lương?",
  "trích một khoản tiền cho bên bảo đảm bằng 12 tháng lương tính theo mức lương tối",
  ["12 tháng lương"],
  "NĐ 304/2025/NĐ-CP, Điều 4 khoản 1 điểm a (công cụ lao động: 06 tháng lương); bản tóm tắt đầu tệp cũng nêu",
  avoid=["thu giữ", "chỗ ở duy nhất", "trích", "bên bảo đảm"])
q(D193, "noaccent", "when",
  "nghi dinh 304 ve thu giu tai san bao dam cua no xau co hieu luc tu ngay nao",
  "1. Nghị định này có hiệu lực thi hành kể từ ngày 01",
  ["01 tháng 12 năm 2025", "01/12/2025"],
  "Điều 7 khoản 1; tháng, năm ở dòng kế tiếp")
u(D193, "how_many",
  "Nghị định 304/2025/NĐ-CP quy định mức xử phạt bao nhiêu đối với tổ chức tín dụng thu giữ tài sản bảo đảm không đúng điều kiện?",
  "Không có trong ext_193_304_2025_nd_cp.txt: nghị định chỉ quy định điều kiện thu giữ, quyền và trách nhiệm các bên, hiệu lực và chuyển tiếp; không có chế tài xử phạt")
