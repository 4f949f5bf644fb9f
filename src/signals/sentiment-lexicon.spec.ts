import { labelForScore, LexiconSentimentScorer } from './sentiment-lexicon.js';

describe(LexiconSentimentScorer.name, () => {
  const scorer = new LexiconSentimentScorer();
  const label = (text: string) => scorer.score(text).label;

  it('reads complaints and crises as negative', () => {
    expect(
      label('Phụ huynh bức xúc vì hàng chục học sinh nhập viện sau bữa trưa, nghi ngộ độc thực phẩm'),
    ).toBe('negative');
    expect(label('Cầu dân sinh bị sập, hai người tử vong')).toBe('negative');
    expect(label('Người dân phản đối việc thu hồi đất, cho rằng giá đền bù bất công')).toBe('negative');
    expect(label('Cảnh báo lừa đảo giả danh cán bộ thuế gọi điện yêu cầu chuyển tiền')).toBe('negative');
  });

  it('reads thanks and praise as positive', () => {
    expect(label('Cảm ơn lực lượng cứu hộ đã có mặt kịp thời, xử lý rất chuyên nghiệp')).toBe('positive');
    expect(label('Thủ tục hành chính nhanh chóng, cán bộ tận tình, tôi rất hài lòng')).toBe('positive');
  });

  it('reads plain announcements as neutral', () => {
    expect(label('UBND tỉnh tổ chức họp báo thường kỳ quý III vào sáng thứ Năm')).toBe('neutral');
    expect(label('Sở Y tế An Hòa thông báo lịch tiêm chủng tháng 9')).toBe('neutral');
    expect(scorer.score('')).toEqual({ label: 'neutral', score: 0 });
  });

  it('turns a positive word around after a negation ("không tốt", "chưa minh bạch")', () => {
    expect(label('Dịch vụ này tốt')).toBe('positive');
    expect(label('Dịch vụ này không tốt')).toBe('negative');
    expect(label('Việc công khai danh sách hỗ trợ chưa minh bạch')).toBe('negative');
    expect(label('Tôi không hề hài lòng với cách trả lời của phường')).toBe('negative');
    expect(label('Quy trình thiếu minh bạch')).toBe('negative');
  });

  it('softens a negated negative word instead of keeping it negative', () => {
    expect(scorer.score('Vụ cháy không gây thương vong').score).toBeGreaterThan(
      scorer.score('Vụ cháy gây thương vong').score,
    );
  });

  it('reads the fight against a harm as not negative', () => {
    expect(label('Hội nghị tổng kết công tác phòng, chống tham nhũng năm 2025')).not.toBe('negative');
    expect(label('Công an khuyến cáo người dân phòng ngừa lừa đảo qua mạng')).not.toBe('negative');
    expect(label('Điện lực đã khắc phục sự cố, cấp điện trở lại')).not.toBe('negative');
    expect(label('Tham nhũng ở ban quản lý dự án gây bức xúc')).toBe('negative');
  });

  it('does not carry a negation across a sentence', () => {
    expect(label('Không. Mọi thứ đều tốt')).toBe('positive');
  });

  it('weighs intensifiers and what follows "nhưng"', () => {
    expect(scorer.score('rất bức xúc').score).toBeLessThan(scorer.score('bức xúc').score);
    expect(scorer.score('bức xúc lắm').score).toBeLessThan(scorer.score('bức xúc').score);
    expect(label('Cảm ơn phường đã trả lời, nhưng người dân vẫn rất bức xúc')).toBe('negative');
  });

  it('understands posts typed without diacritics, without confusing "y tế" with "tệ"', () => {
    expect(label('ko tot chut nao, dan buc xuc lam')).toBe('negative');
    expect(label('cam on cac anh cong an da ho tro kip thoi')).toBe('positive');
    expect(label('So Y te thong bao lich tiem chung')).toBe('neutral');
    expect(label('Sở Y tế thông báo lịch tiêm chủng')).toBe('neutral');
    expect(label('Dịch vụ quá tệ')).toBe('negative');
  });

  it('keeps scores within -1..1 and labels them consistently', () => {
    const heavy = scorer.score(
      'phẫn nộ, căm phẫn, lừa đảo, tham nhũng, tử vong, thiệt mạng, bức xúc, bất công',
    );
    expect(heavy.score).toBeGreaterThan(-1);
    expect(heavy.score).toBeLessThan(-0.8);
    expect(heavy.label).toBe('negative');
    expect(labelForScore(-0.15)).toBe('negative');
    expect(labelForScore(0.1)).toBe('neutral');
    expect(labelForScore(0.5)).toBe('positive');
  });
});
