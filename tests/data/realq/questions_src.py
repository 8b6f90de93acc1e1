"""Hand-written source of the realq questions (72, three per document).
Run build_questions.py to write and validate questions.jsonl."""
Q = []
def q(doc, kind, asks, query, quote, accept, note):
    Q.append(dict(doc=doc, kind=kind, asks=asks, query=query, quote=quote, accept=accept, note=note))

D = "ext_171_11299_vpcp_kgvx.txt"
q(D, "body", "who", "Ai chủ trì rà soát, làm rõ mô hình tổ chức Mạng lưới quan trắc và cảnh báo phóng xạ môi trường quốc gia theo ý kiến của Phó Thủ tướng Nguyễn Chí Dũng?",
  "chủ trì, phối hợp với Bộ Quốc phòng, Bộ Nội vụ và các bộ, cơ quan liên quan rà", ["Bộ Khoa học và Công nghệ"], "đoạn ý kiến Phó Thủ tướng (thân công văn)")
q(D, "timeline", "when", "Bộ Khoa học và Công nghệ phải báo cáo Thủ tướng về việc thành lập mạng lưới quan trắc phóng xạ môi trường trong thời hạn nào?",
  "lượng nguyên tử 2025 và quy định pháp luật có liên quan; báo cáo Thủ tướng", ["quý I năm 2026"], "cuối đoạn ý kiến Phó Thủ tướng; thời hạn ở dòng kế tiếp")
q(D, "reference", "which_document", "CV 11299/VPCP-KGVX về mạng lưới quan trắc phóng xạ là xét tờ trình số mấy của Bộ KH&CN?",
  "226/TTr-BKHCN ngày 05 tháng 11 năm 2025 của Bộ Khoa học và Công nghệ về thành", ["Tờ trình số 226/TTr-BKHCN", "226/TTr-BKHCN"], "câu mở đầu công văn")

D = "ext_183_5095_sgddt_cttthssv.txt"
q(D, "fact", "which_document", "Sở Giáo dục và Đào tạo Hà Nội ra văn bản về kiểm soát ô nhiễm không khí trong trường học là để thực hiện công văn nào của UBND Thành phố?",
  "6356/UBND-NNMT ngày 01/12/2025 của UBND Thành phố về việc tăng cường các biện", ["Công văn số 6356/UBND-NNMT", "6356/UBND-NNMT"], "câu căn cứ đầu công văn")
q(D, "noaccent", "what", "khi chi so VN_AQI tu 301 tro len thi cac truong hoc o Ha Noi phai lam gi",
  "301)**, các đơn vị, trường học chủ động tạm dừng hoặc điều chỉnh thời gian", [], "gạch đầu dòng thứ ba của phần Cụ thể")
q(D, "paraphrase", "where", "Sở Giáo dục Hà Nội bảo các trường vào trang web nào để xem chỉ số chất lượng không khí hằng ngày?",
  "không khí trên địa bàn Thành phố tại website: https://moitruongthudo.vn/.", ["https://moitruongthudo.vn/", "moitruongthudo.vn"], "gạch đầu dòng thứ nhất của phần Cụ thể")

D = "ext_085_386_nq_cp.txt"
q(D, "reference", "who", "Nghị quyết 386/NQ-CP giao ai thay mặt Chính phủ ký báo cáo tiếp thu, giải trình dự án Luật Thuế thu nhập cá nhân (sửa đổi) gửi Quốc hội?",
  "chính thừa ủy quyền Thủ tướng Chính phủ, thay mặt Chính phủ ký Báo cáo tiếp", ["Bộ trưởng Bộ Tài chính"], "Điều 2")
q(D, "fact", "which_document", "Chính phủ thông qua báo cáo tiếp thu, giải trình ý kiến đại biểu Quốc hội về Luật Thuế thu nhập cá nhân sửa đổi theo đề nghị tại công văn nào của Bộ Tài chính?",
  "theo đề nghị của Bộ Tài chính tại công văn số 18491/BTC-CST ngày 27 tháng 11", ["công văn số 18491/BTC-CST", "18491/BTC-CST"], "Điều 1")
q(D, "paraphrase", "when", "Nghị quyết của Chính phủ về giải trình dự luật thuế thu nhập cá nhân bắt đầu có giá trị áp dụng từ lúc nào?",
  "quyết này có hiệu lực thi hành kể từ ngày ký ban hành.", ["kể từ ngày ký ban hành", "ngày ký ban hành"], "Điều 3")

D = "ext_169_11208_bnv_khtc.txt"
q(D, "fact", "how_many", "Chi phí quản lý thực hiện chính sách ưu đãi người có công của toàn ngành được tính bằng bao nhiêu phần trăm tổng kinh phí thực hiện chính sách?",
  "lý bằng 1,7% tổng kinh phí thực hiện các chính sách ưu đãi người có công với", ["1,7%"], "khoản 1 công văn")
q(D, "paraphrase", "to_whom", "Địa phương gặp khó khi xác định tỷ lệ chi phí quản lý chế độ cho người có công năm 2026 thì báo lên chỗ nào để được hướng dẫn?",
  "đề nghị phản ánh kịp thời về Bộ Nội vụ (qua Vụ Kế hoạch - Tài chính) để nghiên", ["Bộ Nội vụ", "Vụ Kế hoạch - Tài chính"], "đoạn cuối công văn")
q(D, "duty", "to_whom", "Theo công văn của Bộ Nội vụ về tỷ lệ chi phí quản lý chế độ ưu đãi người có công năm 2026, UBND tỉnh phải trình cơ quan nào quy định tỷ lệ chi phí quản lý cho từng xã, phường, đặc khu?",
  "cách mạng của từng xã, phường, đặc khu để trình Hội đồng nhân dân cấp tỉnh quy", ["Hội đồng nhân dân cấp tỉnh"], "khoản 2 công văn")
D = "ext_009_221_kl_tw.txt"
q(D, "timeline", "when", "Theo kết luận của Bộ Chính trị, Ban Bí thư về hoạt động bộ máy chính quyền địa phương 2 cấp tháng 11/2025, việc sắp xếp trường công lập và trạm y tế cấp xã phải xong trước ngày nào?",
  "khẩn trương sắp xếp các cơ sở giáo dục công lập cấp xã (trường mầm non, tiểu", ["trước ngày 31/12/2025", "31/12/2025"], "mục 4, đoạn thứ hai")
q(D, "noaccent", "what", "ket luan bo chinh tri ve chinh quyen dia phuong 2 cap: khi ra soat van ban quy pham phap luat thi uu tien nhung linh vuc nao",
  "Trong đó, ưu tiên các lĩnh vực: Tài chính - ngân sách; đất đai và quy hoạch;", [], "mục 3")
q(D, "paraphrase", "who", "Trong kết luận của Bộ Chính trị về chính quyền hai cấp, bên nào được giao làm đầu mối cùng Bộ Nội vụ tiếp tục đánh giá bộ máy để báo cáo lên trên?",
  "ương tiếp tục chủ trì, phối hợp với Bộ Nội vụ đánh giá kỹ tình hình, kết quả", ["Ban Tổ chức Trung ương"], "mục 5")

D = "ext_013_432_tb_vptw.txt"
q(D, "body", "who", "Theo kết luận của Tổng Bí thư về chăm sóc trẻ em có hoàn cảnh đặc biệt, cơ quan nào chủ trì xây dựng quy trình liên thông phát hiện - tiếp nhận - chăm sóc ban đầu trẻ bị bỏ rơi?",
  "uỷ Chính phủ: *(i) *Chỉ đạo Đảng uỷ Bộ Y tế chủ trì xây dựng và hoàn thiện", ["Đảng uỷ Bộ Y tế"], "mục 4.1 (i)")
q(D, "paraphrase", "who", "Tổng Bí thư kết luận thế nào về chuyện trẻ sơ sinh bị bỏ rơi được phát hiện ở bệnh viện hay khu dân cư: bên nào phải chịu trách nhiệm lo cho cháu?",
  "bị bỏ rơi đều được tiếp nhận, chăm sóc an toàn và kịp thời. *Trong đó nơi", ["nơi phát hiện"], "mục 2")
q(D, "body", "which_units", "Theo kết luận của Tổng Bí thư về chăm sóc, bảo vệ trẻ em có hoàn cảnh đặc biệt, Đảng uỷ Công an Trung ương chủ trì phối hợp với những cơ quan nào để bảo đảm thủ tục pháp lý cho các em?",
  "uỷ Công an Trung ương chủ trì, phối hợp với Đảng uỷ Bộ Tư pháp, Uỷ ban nhân dân", ["Đảng uỷ Bộ Tư pháp", "Uỷ ban nhân dân các tỉnh, thành phố"], "mục 4.2")

D = "ext_095_75_2025_nq_hdnd.txt"
q(D, "article", "how_many", "Nghị quyết của HĐND thành phố Hà Nội năm 2025 về chế độ dân quân quy định mức phụ cấp hằng tháng của thôn (tổ) đội trưởng là bao nhiêu?",
  "bằng 2.340.000 đồng (tương đương 1,0 lần mức lương cơ sở).", ["2.340.000 đồng", "1,0 lần mức lương cơ sở"], "Điều 3 khoản 1")
q(D, "paraphrase", "how_many", "Ở Hà Nội, anh em dân quân được gọi đi làm nhiệm vụ theo kế hoạch thì mỗi ngày được bồi dưỡng bao nhiêu tiền?",
  "có thẩm quyền phê duyệt, được hưởng trợ cấp ngày công lao động là 435.000đồng/người/ngày;", ["435.000đồng/người/ngày", "435.000đồng"], "Điều 3 khoản 2")
q(D, "noaccent", "which_document", "nghi quyet HDND ha noi quy dinh phu cap tro cap dan quan nam 2025 thay the nghi quyet nao",
  "2. Nghị quyết này thay thế Nghị quyết số 61/2021/NQ-HĐND", ["Nghị quyết số 61/2021/NQ-HĐND", "61/2021/NQ-HĐND"], "Điều 5 khoản 2")

D = "ext_127_2536_qd_ttg.txt"
q(D, "body", "who", "Sau khi Thủ tướng quyết định chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội, đại học này trực thuộc bộ nào?",
  "Bộ Công Thương; có tư cách pháp nhân, con dấu và tài khoản riêng; chịu sự quản", ["Bộ Công Thương"], "Điều 2")
q(D, "article", "what", "Theo quyết định của Thủ tướng chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội, hội đồng trường và hiệu trưởng hiện tại tiếp tục làm nhiệm vụ đến bao giờ?",
  "quyền hạn theo các quy định hiện hành cho đến khi Bộ trưởng Bộ Công Thương có quyết", [], "Điều 4 (điều khoản chuyển tiếp)")
q(D, "body", "which_units", "Khi chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội, những cơ quan nào có trách nhiệm hướng dẫn, giám sát quá trình chuyển đổi?",
  "2. Bộ Giáo dục và Đào tạo, Bộ Công Thương, Ủy ban nhân", ["Bộ Giáo dục và Đào tạo", "Bộ Công Thương", "Ủy ban nhân dân thành phố Hà Nội"], "Điều 2 khoản 2")

D = "ext_059_230_cd_ttg.txt"
q(D, "timeline", "when", "Theo công điện của Thủ tướng về rà soát, phân loại kết quả thanh tra chuyên đề các dự án tồn đọng kéo dài, cơ quan thanh tra phải ban hành kết luận thanh tra trước ngày nào?",
  "ngày 22/7/2025 **trước ngày 26/11/2025.**", ["trước ngày 26/11/2025", "26/11/2025"], "mục 1 của phần yêu cầu")
q(D, "reference", "to_whom", "Công điện 230/CĐ-TTg: bộ, địa phương có khó khăn khi cập nhật, phân loại dự án tồn đọng trên Hệ thống 751 thì phản ánh về đâu?",
  "thời phản ánh về Bộ Tài chính (là Cơ quan thường trực Ban chỉ đạo 751) để được", ["Bộ Tài chính", "Cơ quan thường trực Ban chỉ đạo 751"], "mục 3 của phần yêu cầu")
q(D, "paraphrase", "who", "Thành phố nào bị Thủ tướng nhắc phải rà lại các dự án có hoàn cảnh pháp lý giống Đề án 153 và Nghị quyết 170 trên hệ thống theo dõi dự án tồn đọng?",
  "phố Đà Nẵng khẩn trương hoàn thành việc rà soát, xác định rõ các dự án có tình", ["UBND thành phố Đà Nẵng", "Đà Nẵng"], "mục 2 của phần yêu cầu")

D = "ext_055_224_cd_ttg.txt"
q(D, "timeline", "when", "Các bộ, địa phương phải gửi báo cáo về công trình, dự án khánh thành, khởi công dịp 19/12/2025 cho Bộ Xây dựng chậm nhất ngày nào?",
  "tháng 09 năm 2025; gửi báo cáo về Bộ Xây dựng chậm nhất ngày 10 tháng 12 năm", ["chậm nhất ngày 10 tháng 12 năm 2025", "10 tháng 12 năm 2025"], "mục 1 của phần yêu cầu")
q(D, "body", "who", "Cơ quan nào chủ trì đạo diễn, xây dựng kịch bản và truyền hình trực tiếp giữa các điểm cầu lễ khánh thành, khởi công chào mừng Đại hội XIV của Đảng?",
  "**4.** Đài truyền hình Việt Nam chủ trì đạo diễn,", ["Đài truyền hình Việt Nam"], "mục 4 của phần yêu cầu")
q(D, "noaccent", "who", "cong dien thu tuong ve le khanh thanh khoi cong chao mung dai hoi XIV giao pho thu tuong nao truc tiep chi dao",
  "**7.** Giao Phó Thủ tướng Chính phủ Trần Hồng Hà", ["Phó Thủ tướng Chính phủ Trần Hồng Hà", "Trần Hồng Hà"], "mục 7 của phần yêu cầu")

D = "ext_063_623_tb_vpcp.txt"
q(D, "timeline", "when", "Theo kết luận của Phó Thủ tướng Mai Văn Chính khi làm việc với tỉnh Đắk Lắk, Bộ Nội vụ phải trình Chính phủ Nghị định đánh giá, xếp loại chất lượng cơ quan hành chính và công chức trong thời gian nào?",
  "theo ý kiến thẩm định của Bộ Tư pháp, trình Chính phủ xem xét, quyết định trong", ["trong tháng 12/2025", "tháng 12/2025"], "mục III.7")
q(D, "paraphrase", "to_whom", "Đắk Lắk xin khoảng 200 tỷ để khắc phục bão số 13 thì tỉnh phải gửi số liệu thiệt hại cho những bộ nào tổng hợp?",
  "kê đầy đủ chính xác thiệt hại do cơn bão số 13 gây ra, gửi Bộ Nông nghiệp và Môi", ["Bộ Nông nghiệp và Môi trường", "Bộ Tài chính"], "mục III.6")
q(D, "body", "who", "Theo kết luận của Phó Thủ tướng Mai Văn Chính tại buổi làm việc với tỉnh Đắk Lắk, ai chủ trì làm rõ sự cần thiết của tuyến cao tốc nối cao tốc Bắc - Nam phía Đông đến Quốc lộ 14?",
  "Đề nghị Ủy ban nhân dân tỉnh Đắk Lắk chủ trì, phối", ["Ủy ban nhân dân tỉnh Đắk Lắk"], "mục III.3")

D = "ext_067_634_tb_vpcp.txt"
q(D, "timeline", "when", "Theo kết luận của Thủ tướng tại buổi làm việc với Thường trực Tỉnh ủy Thanh Hóa, UBND tỉnh phải báo cáo về chuẩn bị đầu tư tuyến đường nối đường Hồ Chí Minh với quốc lộ 6 trước ngày nào?",
  "đoạn trên địa bàn tỉnh Thanh Hóa trước ngày 01 tháng 12 năm 2025.", ["trước ngày 01 tháng 12 năm 2025", "01 tháng 12 năm 2025"], "mục III.6")
q(D, "paraphrase", "who", "Thanh Hóa xin cho mỗi phòng chuyên môn ở xã được có 3 phó phòng thay vì 2; Thủ tướng giao bộ nào nghiên cứu, báo cáo Chính phủ?",
  "phó trưởng phòng, bố trí đủ biên chế theo vị trí việc làm: giao Bộ Nội vụ chủ", ["Bộ Nội vụ"], "mục III.8")
q(D, "body", "who", "Tại buổi làm việc với Thanh Hóa, Thủ tướng giao tập đoàn nào làm việc với Công ty TNHH Lọc hóa dầu Nghi Sơn về kế hoạch mở rộng giai đoạn 2 của nhà máy?",
  "dầu Nghi Sơn: giao Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam làm việc", ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam"], "mục III.3")

D = "ext_135_2623_qd_ttg.txt"
q(D, "timeline", "when", "Theo kế hoạch triển khai thi hành Luật Bảo vệ dữ liệu cá nhân, các bộ và UBND tỉnh phải gửi kết quả rà soát văn bản quy phạm pháp luật về Bộ Công an trước ngày nào?",
  "ban nhân dân các tỉnh, thành phố trực thuộc trung ương gửi kết quả rà soát về Bộ", ["trước ngày 15 tháng 12 năm 2025", "15 tháng 12 năm 2025"], "Kế hoạch, mục II.4, thời gian thực hiện")
q(D, "reference", "when", "QĐ 2623/QĐ-TTg: hạn ban hành quyết định về Chương trình quốc gia bảo vệ dữ liệu cá nhân là khi nào?",
  "Thủ tướng Chính phủ ban hành Chương trình quốc gia về bảo vệ dữ liệu cá nhân", ["trước ngày 31 tháng 12 năm 2026", "31 tháng 12 năm 2026"], "Kế hoạch, mục II.7")
q(D, "paraphrase", "when", "Trang mạng quốc gia để người dân được hướng dẫn và gửi phản ánh về bảo vệ dữ liệu cá nhân sẽ được làm trong những năm nào?",
  "quốc gia về bảo vệ dữ liệu cá nhân cung cấp thông tin tuyên truyền chủ trương,", ["năm 2026 - 2027", "2026 - 2027"], "Kế hoạch, mục II.6 (Cổng thông tin quốc gia)")

D = "ext_155_71_2025_qd_ubnd.txt"
q(D, "timeline", "when", "Quyết định của UBND tỉnh Bắc Ninh quy định khung giá cho thuê nhà ở xã hội không dùng vốn đầu tư công có hiệu lực từ ngày nào?",
  "lực thi hành kể từ ngày 01 tháng 12 năm 2025.", ["kể từ ngày 01 tháng 12 năm 2025", "01 tháng 12 năm 2025"], "Điều 5 khoản 1")
q(D, "paraphrase", "what", "Ở Bắc Ninh, giá thuê nhà ở xã hội trong khung giá của tỉnh đã gồm thuế VAT, phí quản lý vận hành, tiền gửi xe chưa?",
  "chưa bao gồm: Thuế giá trị gia tăng; giá dịch vụ quản lý vận hành; chi phí", [], "Điều 3 khoản 2")
q(D, "noaccent", "who", "bac ninh: khi khung gia cho thue nha o xa hoi khong con phu hop thi co quan nao chu tri tham muu dieu chinh",
  "Điều này không còn phù hợp, Sở Xây dựng chủ trì, phối hợp các ngành, đơn vị", ["Sở Xây dựng"], "Điều 3 khoản 5; Điều 4 khoản 1 điểm c")

D = "ext_139_2641_qd_ubnd.txt"
q(D, "body", "who", "Trung tâm Bảo tồn Di sản Văn hóa thế giới Hội An là đơn vị sự nghiệp công lập trực thuộc cơ quan nào của thành phố Đà Nẵng?",
  "Văn hóa thế giới Hội An (Trung tâm) là đơn vị sự nghiệp công lập thuộc Sở Văn", ["Sở Văn hóa, Thể thao và Du lịch thành phố Đà Nẵng", "Sở Văn hóa, Thể thao và Du lịch"], "Điều 1 khoản 1")
q(D, "duty", "what", "Trung tâm Bảo tồn Di sản Văn hóa thế giới Hội An có nhiệm vụ gì đối với việc bán vé, thu phí tham quan Khu Di sản Đô thị cổ Hội An?",
  "tham quan và dịch vụ liên quan tại Khu Di sản Đô thị cổ Hội An; quản lý, sử dụng", [], "Điều 2 khoản 3")
q(D, "article", "where", "Theo quy định chức năng, nhiệm vụ của Trung tâm Bảo tồn Di sản Văn hóa thế giới Hội An, trung tâm phối hợp bảo tồn di sản trên địa bàn những phường, xã nào?",
  "tác bảo tồn, phát huy giá trị di sản trên địa bàn các phường Hội An, Hội An", ["phường Hội An", "Hội An Đông", "Hội An Tây", "xã Tân Hiệp"], "Điều 2 khoản 10")

D = "ext_049_012_ct_ubnd.txt"
q(D, "duty", "how_many", "Chỉ thị của UBND tỉnh Đắk Lắk về cải cách thủ tục hành chính yêu cầu rà soát, đơn giản hóa để cắt giảm ít nhất bao nhiêu phần trăm thời gian thực hiện thủ tục?",
  "doanh năm 2025 và 2026, đảm bảo cắt giảm tối thiểu 30% thời gian thực hiện TTHC", ["tối thiểu 30%", "30%"], "mục 1 điểm b")
q(D, "paraphrase", "who", "Ở Đắk Lắk, sếp các sở hay chủ tịch xã để cấp dưới làm sai quy định khi giải quyết hồ sơ thủ tục cho dân thì cơ quan nào tham mưu tỉnh xử lý nghiêm?",
  "theo dõi, kiểm tra, chấn chỉnh kịp thời và xử lý nghiêm người đứng đầu các cơ", ["Sở Nội vụ"], "mục 3 điểm a")
q(D, "reference", "who", "Chỉ thị 012/CT-UBND của Đắk Lắk giao đơn vị nào tối ưu Hệ thống thông tin giải quyết TTHC tỉnh để chạy ổn định 24/7?",
  "tin giải quyết TTHC tỉnh, bảo đảm hoạt động ổn định, thông suốt 24/7 đáp ứng việc", ["Sở Khoa học và Công nghệ"], "mục 2 điểm b")

D = "ext_043_980_kh_ubnd.txt"
q(D, "timeline", "when", "Theo kế hoạch của UBND tỉnh Nghệ An triển khai nghị định về phòng thủ dân sự, việc tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã phải xong trước ngày nào?",
  "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh,", ["Trước ngày 30/11/2025", "30/11/2025"], "Phụ lục, mục I.1 (bảng nhiệm vụ)")
q(D, "body", "who", "Trong phụ lục nhiệm vụ phòng thủ dân sự của tỉnh Nghệ An, cơ quan nào chủ trì tiếp nhận và duy trì Hệ thống Tổng đài 112?",
  "Tiếp nhận và duy trì Hệ thống Tổng đài 112 phục vụ", ["Bộ CHQS tỉnh"], "Phụ lục, bảng nhiệm vụ (dòng Tổng đài 112)")
q(D, "paraphrase", "to_whom", "Nghệ An: sở, xã nào gặp khó khi làm theo nghị định về phòng thủ dân sự thì kêu lên chỗ nào để được tổng hợp, giải quyết?",
  "nhân dân các xã, phường kịp thời phản ánh về Ban Chỉ huy Phòng thủ dân sự tỉnh", ["Ban Chỉ huy Phòng thủ dân sự tỉnh", "Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh"], "mục IV.5")

D = "ext_045_987_kh_ubnd.txt"
q(D, "fact", "how_many", "Theo kế hoạch phát triển sóng 5G, IoT tại các khu công nghiệp Nghệ An giai đoạn 2026 - 2030, tổng số trạm 5G sẽ được nâng lên bao nhiêu trạm?",
  "(Trong đó: MobiFone: 22 trạm, VNPT: 56 trạm, Viettel: 47 trạm), nâng tổng số trạm", ["188 trạm", "188"], "mục II.2.1")
q(D, "timeline", "when", "Hằng năm, Sở Khoa học và Công nghệ Nghệ An phải tổng hợp, báo cáo kết quả phủ sóng 5G tại các khu công nghiệp trước ngày nào?",
  "doanh nghiệp trong quá trình thực hiện; Trước ngày 15/12 hàng năm tổng hợp, báo", ["Trước ngày 15/12 hàng năm", "15/12"], "mục IV.1")
q(D, "noaccent", "to_whom", "ke hoach 5G iot khu cong nghiep nghe an: co vuong mac thi bao cao ubnd tinh qua co quan nao",
  "thời UBND tỉnh (qua Ban Quản lý Khu kinh tế Đông Nam) để xử lý theo thẩm quyền./.", ["Ban Quản lý Khu kinh tế Đông Nam"], "đoạn kết của kế hoạch")

D = "ext_023_141_kh_ubnd.txt"
q(D, "fact", "how_many", "Kế hoạch của Bắc Ninh nâng cao năng lực đội ngũ xây dựng chính sách, pháp luật giai đoạn 2026 - 2030 phấn đấu ít nhất bao nhiêu phần trăm đội ngũ đến từ nguồn thu hút người có tài năng?",
  "- 2030 phấn đấu có ít nhất 10% đội ngũ cán bộ, công chức xây dựng chính sách,", ["ít nhất 10%", "10%"], "mục II, mục tiêu 4")
q(D, "paraphrase", "when", "Bắc Ninh dự kiến khi nào cho ra mắt công cụ trí tuệ nhân tạo hỗ trợ tra cứu pháp luật cho cán bộ, công chức trong tỉnh?",
  "cho cán bộ, công chức, viên chức trên địa bàn tỉnh.", ["Tháng 12/2025", "12/2025"], "mục III.7, gạch đầu dòng ra mắt AI pháp luật")
q(D, "timeline", "when", "Theo kế hoạch nâng cao năng lực đội ngũ xây dựng chính sách, pháp luật của UBND tỉnh Bắc Ninh, các cơ quan, địa phương báo cáo kết quả thực hiện hằng năm trước ngày nào?",
  "(trước ngày 15 tháng 11) hoặc theo đề nghị để tổng hợp, báo cáo theo quy định.", ["trước ngày 15 tháng 11", "15 tháng 11"], "mục IV.1")

D = "ext_017_0125_kh_ubnd.txt"
q(D, "timeline", "when", "Trong phong trào thi đua bầu cử đại biểu Quốc hội khóa XVI và HĐND các cấp của tỉnh Đắk Lắk, hồ sơ đề nghị tặng Bằng khen phải gửi về Sở Nội vụ trước ngày nào?",
  "*trước ngày 31/3/2026 *để tổng hợp, thẩm định *(trường hợp thay đổi", ["trước ngày 31/3/2026", "31/3/2026"], "mục V.2 (thời gian trình khen thưởng)")
q(D, "paraphrase", "how_many", "Xã muốn được Chủ tịch tỉnh Đắk Lắk tặng bằng khen về bầu cử thì phải có bao nhiêu phần trăm cử tri đi bỏ phiếu?",
  "từ 98% trở lên; kết quả bầu cử đảm bảo đủ số lượng đại biểu, chất lượng, cơ cấu", ["từ 98% trở lên", "98%"], "mục III.3.2 a) tiêu chuẩn tập thể xã, phường")
q(D, "noaccent", "how_many", "dak lak thi dua bau cu quoc hoi khoa XVI: moi xa phuong duoc chon may truong hop de nghi bang khen chu tich ubnd tinh",
  "phường chọn 02 trường hợp (tập thể hoặc cá nhân)", ["02 trường hợp"], "mục IV.2 b)")

D = "ext_189_16_2025_nd_cp.txt"
q(D, "reference", "when", "Nghị định 16/2025/NĐ-CP sửa đổi Nghị định 72/2020 về dân quân tự vệ có hiệu lực từ ngày nào?",
  "Nghị định này có hiệu lực thi hành từ ngày 23 tháng 3 năm 2025.", ["từ ngày 23 tháng 3 năm 2025", "23 tháng 3 năm 2025"], "Điều 3")
q(D, "article", "how_many", "Theo nghị định sửa đổi Nghị định 72/2020/NĐ-CP về chế độ dân quân tự vệ, phụ cấp chức vụ hằng tháng của Chỉ huy trưởng Ban Chỉ huy quân sự cấp xã là bao nhiêu?",
  "a) Chỉ huy trưởng, Chính trị viên Ban Chỉ huy quân sự cấp xã; Chỉ huy trưởng, Chính trị viên, Ban Chỉ huy quân sự cơ quan, tổ chức: 561.600 đồng;", ["561.600 đồng"], "Điều 1 khoản 1 (sửa khoản 1 Điều 7, điểm a)")
q(D, "paraphrase", "how_many", "Anh em dân quân thường trực khi hoàn thành nghĩa vụ thì cứ mỗi năm phục vụ được nhận khoản trợ cấp một lần bao nhiêu tiền theo quy định của Chính phủ?",
  "cứ mỗi năm phục vụ trong đơn vị dân quân thường trực được trợ cấp bằng 4.680.000 đồng", ["4.680.000 đồng"], "Điều 1 khoản 5 (sửa khoản 2 Điều 12)")

D = "ext_195_24_2025_tt_btp.txt"
q(D, "article", "how_many", "Theo thông tư năm 2025 của Bộ Tư pháp sửa đổi các thông tư về tổ chức cán bộ, danh mục vị trí việc làm chức danh nghề nghiệp chuyên ngành trong đơn vị sự nghiệp công lập ngành tư pháp gồm bao nhiêu vị trí?",
  "ngành, lĩnh vực tư pháp gồm 12 vị trí việc làm quy định tại Phụ lục II kèm theo", ["12 vị trí việc làm", "12"], "Điều 2 khoản 2 (sửa khoản 2 Điều 4 Thông tư 06/2023/TT-BTP)")
q(D, "reference", "what", "Thông tư 24/2025/TT-BTP thay cụm từ \"Tổng cục Thi hành án dân sự\" trong phụ lục vị trí việc làm công chức tư pháp bằng tên gì?",
  "Thi hành án dân sự” thành “Cục Quản lý Thi hành án dân sự”; “Cục Thi hành án", [], "Điều 1 khoản 6")
q(D, "article", "what", "Theo thông tư của Bộ Tư pháp sửa đổi Thông tư 09/2025/TT-BTP, Sở Tư pháp có thêm nhiệm vụ thông báo cho chính quyền cấp xã về nội dung gì?",
  "báo cho chính quyền cấp xã nội dung trong văn bản quy phạm pháp luật do Quốc hội,", [], "Điều 5 khoản 1 (bổ sung khoản 4 Điều 3 Thông tư 09/2025/TT-BTP)")

D = "ext_011_383_qd_tw.txt"
q(D, "article", "when", "Theo Quy định của Ban Bí thư về Phông lưu trữ Đảng Cộng sản Việt Nam, thời hạn nộp hồ sơ, tài liệu vào lưu trữ hiện hành tối đa là bao lâu?",
  "hành tối đa là 1 năm, tính từ năm kết thúc công việc.", ["tối đa là 1 năm", "1 năm"], "Điều 12 khoản 1")
q(D, "reference", "which_document", "Quy định 383-QĐ/TW về Phông lưu trữ Đảng thay thế quy định nào trước đó?",
  "**Điều 20.** Quy định này thay thế Quy định số 270-QĐ/TW, ngày", ["Quy định số 270-QĐ/TW", "270-QĐ/TW"], "Điều 20")
q(D, "paraphrase", "what", "Cán bộ muốn đến khai thác tài liệu lưu trữ của Đảng để phục vụ công việc thì phải mang theo những giấy tờ gì?",
  "căn cước hoặc hộ chiếu; trường hợp sử dụng để phục vụ công tác thì phải có giấy", [], "Điều 18 khoản 4")

D = "ext_005_38_hd_btctw.txt"
q(D, "body", "who", "Theo hướng dẫn nghiệp vụ công tác đảng viên của Ban Tổ chức Trung ương năm 2025, thẻ đảng viên do cơ quan nào in ấn, phát hành và quản lý thống nhất?",
  "Ban Tổ chức Trung ương in ấn, phát hành và quản lý thống nhất. Các cấp ủy", ["Ban Tổ chức Trung ương"], "mục II.2.1 (phát hành thẻ đảng viên)")
q(D, "paraphrase", "when", "Sau khi cấp trên gửi thẻ đảng về cơ sở, đảng viên được nhận thẻ vào dịp nào theo hướng dẫn nghiệp vụ công tác đảng viên?",
  "tổ chức trao thẻ đảng viên cho đảng viên trong cuộc họp chi bộ gần nhất.", ["trong cuộc họp chi bộ gần nhất", "cuộc họp chi bộ gần nhất"], "mục II.2.2 d) (phát thẻ đảng viên)")
q(D, "noaccent", "what", "huong dan nghiep vu cong tac dang vien: giay gioi thieu sinh hoat dang ghi sai o so 1 thi xu ly the nao",
  "với cả 4 loại giấy giới thiệu sinh hoạt đảng, nếu ghi sai ô số 1 thì phải thay", [], "mục II.4.2 a) (ghi giấy giới thiệu sinh hoạt đảng)")

